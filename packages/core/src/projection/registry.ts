import type { SpatialReference } from "../types/esri-json.js";
import { GeometryError } from "../geometry/errors.js";
import { builtInDefinition, WEB_MERCATOR_WKIDS } from "./definitions.js";
import { UnknownProjectionError } from "./errors.js";

/** A spatial reference as the projection functions accept it: a wkid or an Esri spatial reference (`wkid` or `wkt`). */
export type SpatialReferenceInput = number | SpatialReference;

const registered = new Map<number, string>();
const listeners = new Set<() => void>();

/**
 * Makes a coordinate system known by its wkid, for {@link project}. Takes a
 * proj4 string (`+proj=...`) or a WKT string (as found at epsg.io or in a
 * `.prj` file). Replaces an earlier registration and the built-in definition.
 *
 * @example
 * ```ts
 * registerProjection(26915, "+proj=utm +zone=15 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs");
 * ```
 * @param wkid - well-known id (EPSG or Esri)
 * @param definition - proj4 string or WKT
 * @throws GeometryError for a wkid that is not a positive integer or an empty definition
 */
export function registerProjection(wkid: number, definition: string): void {
  if (!Number.isInteger(wkid) || wkid <= 0) throw new GeometryError("a wkid must be a positive integer", wkid, "wkid");
  if (typeof definition !== "string" || definition.trim() === "") {
    throw new GeometryError("a projection definition must be a proj4 or WKT string", definition, "definition");
  }
  registered.set(wkid, definition.trim());
  for (const listener of listeners) listener();
}

/** True when {@link project} can use this wkid (registered or built in). */
export function isProjectionKnown(wkid: number): boolean {
  return registered.has(wkid) || builtInDefinition(wkid) !== undefined;
}

/** Called whenever a registration changes, so cached converters can be dropped. */
export function onRegistryChange(listener: () => void): void {
  listeners.add(listener);
}

/** A spatial reference as an object; a bare number becomes `{ wkid }`. */
export function toSpatialReference(sr: SpatialReferenceInput): SpatialReference {
  return typeof sr === "number" ? { wkid: sr } : { ...sr };
}

/**
 * The proj4 definition (proj4 string or WKT) of a spatial reference: a
 * registered or built-in one for its `wkid` (or `latestWkid`), else its `wkt`.
 *
 * @throws UnknownProjectionError naming the wkid when nothing is known
 */
export function resolveDefinition(sr: SpatialReferenceInput): string {
  const s = toSpatialReference(sr);
  for (const wkid of [s.wkid, s.latestWkid]) {
    if (wkid === undefined) continue;
    const def = registered.get(wkid) ?? builtInDefinition(wkid);
    if (def) return def;
  }
  if (typeof s.wkt === "string" && s.wkt.trim() !== "") return s.wkt;
  if (s.wkid === undefined) throw new UnknownProjectionError("the spatial reference has neither a wkid nor a wkt");
  throw new UnknownProjectionError(
    `wkid ${s.wkid} is not known; register it first with registerProjection(${s.wkid}, "<proj4 string or WKT>")`,
    s.wkid,
  );
}

/**
 * A key that is equal for two spatial references that are the same coordinate
 * system as far as this module can tell (Web Mercator aliases included).
 */
export function spatialReferenceKey(sr: SpatialReferenceInput): string {
  const s = toSpatialReference(sr);
  const wkid = s.latestWkid ?? s.wkid;
  if (wkid !== undefined) return WEB_MERCATOR_WKIDS.has(wkid) && !registered.has(wkid) ? "wkid:3857" : `wkid:${wkid}`;
  return `wkt:${s.wkt ?? ""}`;
}
