import type { SpatialReference } from "../types/esri-json.js";

const WGS84_NAMES = new Set(["gcswgs1984", "wgs84", "wgs1984"]);
const WEB_MERCATOR_NAMES = new Set([
  "wgs1984webmercatorauxiliarysphere",
  "wgs84pseudomercator",
  "wgs1984webmercator",
  "popularvisualisationcrsmercator",
  "googlemapsglobalmercator",
]);

/**
 * Guesses the spatial reference of a `.prj` file (WKT): WGS84 and Web
 * Mercator are recognised by the name of their GEOGCS/PROJCS (in Esri and OGC
 * spellings), any other WKT with a top-level EPSG authority gets that wkid,
 * and the rest is kept as `{ wkt }`, which ArcGIS and `@arcrest/core/projection`
 * both accept.
 *
 * @param wkt - the content of the `.prj` file
 * @returns `undefined` for empty text
 */
export function spatialReferenceFromPrj(wkt: string): SpatialReference | undefined {
  const text = wkt.replace(/^\uFEFF/, "").trim();
  if (text === "") return undefined;
  const head = /^([A-Z]+)\s*\[\s*"([^"]*)"/i.exec(text);
  if (head) {
    const keyword = head[1].toUpperCase();
    const name = head[2].toLowerCase().replace(/[^a-z0-9]/g, "");
    if ((keyword === "GEOGCS" || keyword === "GEOGCRS") && WGS84_NAMES.has(name)) return { wkid: 4326 };
    if ((keyword === "PROJCS" || keyword === "PROJCRS") && WEB_MERCATOR_NAMES.has(name)) return { wkid: 102100, latestWkid: 3857 };
  }
  const code = topLevelEpsgCode(text);
  if (code !== undefined) return { wkid: code };
  return { wkt: text };
}

/** The EPSG code in an `AUTHORITY["EPSG",...]` or `ID["EPSG",...]` directly inside the outermost brackets. */
function topLevelEpsgCode(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  let found: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inString = !inString;
    if (inString) continue;
    if (c === "[" || c === "(") depth++;
    else if (c === "]" || c === ")") depth--;
    else if (depth === 1 && /[A-Z]/i.test(c) && (i === 0 || /[,[(\s]/.test(text[i - 1]))) {
      const m = /^(?:AUTHORITY|ID)\s*[[(]\s*"EPSG"\s*,\s*"?(\d+)"?/i.exec(text.slice(i));
      if (m) found = Number(m[1]);
    }
  }
  return found;
}
