/** Projection between WGS84 (4326) and spherical Web Mercator (3857), the two systems this server stores. */
import type { KnownWkid } from "./spatial-reference.js";

const RADIUS = 6378137;
const MAX_LATITUDE = 85.0511287798066;
const DEG = Math.PI / 180;

/** A coordinate transform applied to x/y in place of a position array. */
export type Transform = (x: number, y: number) => [number, number];

/** Longitude/latitude in degrees to Web Mercator metres. */
export function toWebMercator(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  return [RADIUS * lon * DEG, RADIUS * Math.log(Math.tan(Math.PI / 4 + (clamped * DEG) / 2))];
}

/** Web Mercator metres to longitude/latitude in degrees. */
export function toGeographic(x: number, y: number): [number, number] {
  return [x / RADIUS / DEG, (2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2) / DEG];
}

/** The transform from one known wkid to another, or null when they are the same. */
export function transformBetween(from: KnownWkid, to: KnownWkid): Transform | null {
  if (from === to) return null;
  return from === 4326 ? toWebMercator : toGeographic;
}
