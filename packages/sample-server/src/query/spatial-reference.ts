/** The spatial references the sample server knows (WGS84 and Web Mercator) and how it writes them. */
import { invalidParameter } from "./errors.js";

/** Canonical wkids this server can project between. */
export type KnownWkid = 4326 | 3857;

const WEB_MERCATOR_ALIASES = new Set([3857, 102100, 102113, 900913, 3785]);

/** The canonical wkid for `wkid`, or null when this server cannot handle it. */
export function canonicalWkid(wkid: number): KnownWkid | null {
  if (wkid === 4326) return 4326;
  if (WEB_MERCATOR_ALIASES.has(wkid)) return 3857;
  return null;
}

/** The spatialReference object as ArcGIS Server writes it. */
export function spatialReferenceJson(wkid: KnownWkid): { wkid: number; latestWkid: number } {
  return wkid === 3857 ? { wkid: 102100, latestWkid: 3857 } : { wkid: 4326, latestWkid: 4326 };
}

/** Reads a wkid from a number, a `{wkid}`/`{latestWkid}` object, or their string forms. */
export function wkidFromValue(value: unknown, parameter: string): KnownWkid {
  let wkid: number | undefined;
  if (typeof value === "number") wkid = value;
  else if (typeof value === "string") {
    const text = value.trim();
    if (/^\d+$/.test(text)) wkid = Number(text);
    else {
      try {
        return wkidFromValue(JSON.parse(text) as unknown, parameter);
      } catch (error) {
        if (error instanceof SyntaxError) throw invalidParameter(parameter, `'${text}' is not a spatial reference`);
        throw error;
      }
    }
  } else if (value && typeof value === "object") {
    const sr = value as { wkid?: unknown; latestWkid?: unknown };
    const candidates = [sr.latestWkid, sr.wkid].filter((v): v is number => typeof v === "number");
    for (const candidate of candidates) {
      const known = canonicalWkid(candidate);
      if (known) return known;
    }
    wkid = candidates[0];
  }
  if (wkid === undefined) throw invalidParameter(parameter, "not a spatial reference");
  const known = canonicalWkid(wkid);
  if (!known) throw invalidParameter(parameter, `spatial reference ${wkid} is not supported (only 4326 and 3857/102100)`);
  return known;
}
