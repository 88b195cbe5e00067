import { resolve } from "node:path";
import { ExportAbortedError } from "../errors.js";
import type { ExportWarning } from "../types.js";
import { AtomicFiles } from "./atomic-files.js";
import { featureSetSource, type ExportableFeatureSet } from "./export-feature-set.js";
import type { ExportFileOptions, ExportResult } from "./export-features.js";
import { createGeoPackage, writeGeoPackageTable } from "./geopackage.js";

/** One table of {@link writeGeoPackageFile}: its wanted name and its features. */
export interface GeoPackageFileTable {
  name: string;
  featureSet: ExportableFeatureSet;
}

/**
 * Writes several feature sets as the tables of one GeoPackage, through a temporary file renamed
 * at the end (a failure or an abort leaves nothing). Each table's result lists the one file.
 *
 * @throws DestinationExistsError when the destination exists and `overwrite` is not set
 * @throws ExportAbortedError when `signal` aborts
 */
export async function writeGeoPackageFile(
  tables: readonly GeoPackageFileTable[],
  destination: string,
  options: Pick<ExportFileOptions, "overwrite" | "signal" | "onWarning"> = {},
): Promise<{ table: string; result: ExportResult }[]> {
  const path = resolve(destination);
  const files = new AtomicFiles([path]);
  const { signal } = options;
  await files.prepare(options.overwrite === true);
  try {
    const written: { table: string; featureCount: number; warnings: ExportWarning[] }[] = [];
    const db = await createGeoPackage(files.temp(path));
    try {
      for (const { name, featureSet } of tables) {
        const warnings: ExportWarning[] = [];
        const onWarning = (warning: ExportWarning): void => {
          warnings.push(warning);
          options.onWarning?.(warning);
        };
        const { table, featureCount } = await writeGeoPackageTable(db, featureSetSource(featureSet), name, { onWarning, ...(signal ? { signal } : {}) });
        written.push({ table, featureCount, warnings });
      }
    } finally {
      db.close();
    }
    if (signal?.aborted) throw new ExportAbortedError(signal.reason);
    await files.commit();
    return written.map(({ table, featureCount, warnings }) => ({ table, result: { format: "gpkg", files: [path], featureCount, warnings } }));
  } catch (error) {
    await files.discard();
    if (signal?.aborted && !(error instanceof ExportAbortedError)) throw new ExportAbortedError(signal.reason);
    throw error;
  }
}
