import { exportMap, type ExportMapOptions } from "../operations/export-map.js";
import { writeFileAtomic } from "@arcrest/core/node";

/**
 * Renders a map image (`<MapServer>/export`) and writes it to `path`.
 *
 * @param url - the MapServer URL
 * @returns the path written
 */
export async function saveMapImage(url: string, path: string, options: ExportMapOptions): Promise<string> {
  const { bytes } = await exportMap(url, options);
  await writeFileAtomic(path, bytes);
  return path;
}
