import type { SpatialReference } from "@arcrest/core";

/** Finds the `.prj` text (Esri WKT) of a spatial reference, or `undefined` when it does not know it. */
export type PrjResolver = (spatialReference: SpatialReference) => string | undefined | Promise<string | undefined>;

let table: Promise<Map<number, string>> | undefined;

function loadTable(): Promise<Map<number, string>> {
  // Imported on first use so a bundle that never writes a .prj does not carry the table.
  table ??= import("./prj-table.generated.js").then(({ PRJ_CODES, PRJ_TEXTS }) => {
    const map = new Map<number, string>();
    for (const [wkid, index] of PRJ_CODES) map.set(wkid, PRJ_TEXTS[index]);
    return map;
  });
  return table;
}

/** The well-known ids to try for a spatial reference: the current one first. */
export function candidateWkids(spatialReference: SpatialReference): number[] {
  const ids = [spatialReference.latestWkid, spatialReference.wkid].filter((id): id is number => typeof id === "number");
  return [...new Set(ids)];
}

/**
 * The Esri WKT for `spatialReference` from the built-in table (WGS84 and other
 * common geographic systems, Web Mercator and its aliases, UTM zones, NAD83 State
 * Plane, national grids), generated from Esri's `@esri/proj-codes`. A spatial
 * reference given as WKT is returned as is.
 */
export async function builtInPrj(spatialReference: SpatialReference): Promise<string | undefined> {
  if (spatialReference.wkt) return spatialReference.wkt;
  const wkids = candidateWkids(spatialReference);
  if (wkids.length === 0) return undefined;
  const map = await loadTable();
  for (const wkid of wkids) {
    const wkt = map.get(wkid);
    if (wkt) return wkt;
  }
  return undefined;
}
