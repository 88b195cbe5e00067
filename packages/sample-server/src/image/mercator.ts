const RADIUS = 6378137;
const MAX_LAT = 85.0511287798;

/** Whether a wkid is Web Mercator (3857 or its old aliases). */
export function isWebMercator(wkid: number): boolean {
  return wkid === 3857 || wkid === 102100 || wkid === 102113 || wkid === 900913;
}

/** lon/lat (degrees) to Web Mercator metres. */
export function toWebMercator(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  return [(lon * Math.PI * RADIUS) / 180, RADIUS * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))];
}

/** Web Mercator metres to lon/lat (degrees). */
export function fromWebMercator(x: number, y: number): [number, number] {
  return [(x / RADIUS) * (180 / Math.PI), (2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2) * (180 / Math.PI)];
}

/** A function converting coordinates from one wkid to another (4326 and Web Mercator only). */
export function transformer(fromWkid: number, toWkid: number): ((x: number, y: number) => [number, number]) | undefined {
  const from = isWebMercator(fromWkid) ? 3857 : fromWkid;
  const to = isWebMercator(toWkid) ? 3857 : toWkid;
  if (from === to) return (x, y) => [x, y];
  if (from === 4326 && to === 3857) return toWebMercator;
  if (from === 3857 && to === 4326) return fromWebMercator;
  return undefined;
}
