/**
 * proj4 definitions known without registration. Web Mercator's Esri and old
 * EPSG codes are aliases of 3857, as ArcGIS treats them.
 */

const WGS84 = "+proj=longlat +datum=WGS84 +no_defs";
const NAD83 = "+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs";
const WEB_MERCATOR =
  "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs";

/** Well-known ids of Web Mercator: 3857 and its aliases 102100 (Esri), 102113, 900913 and 3785. */
export const WEB_MERCATOR_WKIDS: ReadonlySet<number> = new Set([3857, 102100, 102113, 900913, 3785]);

/** Well-known ids of WGS84 longitude/latitude. */
export const WGS84_WKIDS: ReadonlySet<number> = new Set([4326]);

/** The built-in proj4 definition for a wkid, or `undefined`. Covers WGS84, NAD83, Web Mercator and WGS84 UTM zones. */
export function builtInDefinition(wkid: number): string | undefined {
  if (WGS84_WKIDS.has(wkid)) return WGS84;
  if (wkid === 4269) return NAD83;
  if (WEB_MERCATOR_WKIDS.has(wkid)) return WEB_MERCATOR;
  // WGS 84 / UTM zone N (326NN) and S (327NN).
  if (wkid > 32600 && wkid <= 32660) return `+proj=utm +zone=${wkid - 32600} +datum=WGS84 +units=m +no_defs`;
  if (wkid > 32700 && wkid <= 32760) return `+proj=utm +zone=${wkid - 32700} +south +datum=WGS84 +units=m +no_defs`;
  return undefined;
}
