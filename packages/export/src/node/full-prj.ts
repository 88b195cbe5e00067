import { createRequire } from "node:module";
import type { SpatialReference } from "@arcrest/core";
import { builtInPrj, candidateWkids } from "../shapefile/prj.js";

interface CrsEntry {
  wkid: number;
  latestWkid?: number;
  wkt: string;
}

let table: Map<number, string> | undefined;

/** Every code of Esri's Projection Engine list (`@esri/proj-codes`), loaded on first use (about 15 MB of JSON). */
function fullTable(): Map<number, string> {
  if (table) return table;
  const require = createRequire(import.meta.url);
  const map = new Map<number, string>();
  const lists = [
    (require("@esri/proj-codes/pe_list_projcs.json") as { ProjectedCoordinateSystems: CrsEntry[] }).ProjectedCoordinateSystems,
    (require("@esri/proj-codes/pe_list_geogcs.json") as { GeographicCoordinateSystems: CrsEntry[] }).GeographicCoordinateSystems,
  ];
  for (const list of lists) {
    for (const entry of list) {
      if (!map.has(entry.wkid)) map.set(entry.wkid, entry.wkt);
    }
  }
  table = map;
  return map;
}

/**
 * The `.prj` resolver of the Node helpers: the built-in table first, then
 * every projected and geographic code Esri publishes in `@esri/proj-codes`.
 */
export async function fullPrjResolver(spatialReference: SpatialReference): Promise<string | undefined> {
  const builtIn = await builtInPrj(spatialReference);
  if (builtIn) return builtIn;
  const map = fullTable();
  for (const wkid of candidateWkids(spatialReference)) {
    const wkt = map.get(wkid);
    if (wkt) return wkt;
  }
  return undefined;
}
