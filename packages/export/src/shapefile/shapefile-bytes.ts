import { zipSync } from "fflate";
import { MemorySink } from "../bytes/byte-sink.js";
import type { FeatureSource } from "../types.js";
import { type ShapefileOptions, type ShapefilePart, type ShapefileResult, writeShapefile } from "./shapefile-writer.js";

/** A shapefile held in memory: one byte array per part. */
export interface ShapefileBytes {
  /** The parts by extension (`prj` absent when the spatial reference is unknown). */
  files: Partial<Record<ShapefilePart, Uint8Array>>;
  /** What was written. */
  result: ShapefileResult;
}

/**
 * Writes a shapefile into memory (for browsers, where there is no file to seek
 * in; the parts are buffered). For large outputs on Node use `exportLayer` from
 * `@arcrest/export/node`, which streams to files.
 */
export async function shapefileToBytes(source: FeatureSource, options: ShapefileOptions = {}): Promise<ShapefileBytes> {
  const sinks = new Map<ShapefilePart, MemorySink>();
  const result = await writeShapefile(
    source,
    (part) => {
      const sink = new MemorySink();
      sinks.set(part, sink);
      return sink;
    },
    options,
  );
  const files: Partial<Record<ShapefilePart, Uint8Array>> = {};
  for (const [part, sink] of sinks) files[part] = sink.toBytes();
  return { files, result };
}

/** Options of {@link shapefileToZip}. */
export interface ShapefileZipOptions extends ShapefileOptions {
  /** Name of the files inside the zip, without extension (default `"export"`). */
  baseName?: string;
}

/** Writes a shapefile and zips its parts (`<baseName>.shp`, `.shx`, ...) into one archive, in memory. */
export async function shapefileToZip(
  source: FeatureSource,
  options: ShapefileZipOptions = {},
): Promise<{ zip: Uint8Array; result: ShapefileResult }> {
  const { files, result } = await shapefileToBytes(source, options);
  const baseName = options.baseName ?? "export";
  const entries: Record<string, Uint8Array> = {};
  for (const part of result.parts) {
    const bytes = files[part];
    if (bytes) entries[`${baseName}.${part}`] = bytes;
  }
  return { zip: zipSync(entries, { level: 6 }), result };
}
