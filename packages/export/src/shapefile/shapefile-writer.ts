import type { FeatureGeometryLike, SpatialReference } from "@arcrest/core";
import { geometryTypeOf } from "../input/geometry-info.js";
import { ByteBuffer } from "../bytes/byte-buffer.js";
import type { ByteSink } from "../bytes/byte-sink.js";
import { FileSizeLimitError } from "../errors.js";
import { FeatureBatches } from "../input/feature-batches.js";
import { prepareSource } from "../input/prepare-source.js";
import type { FeatureSource, WriterOptions } from "../types.js";
import { type DbfPlanOptions, planDbfColumns } from "./dbf-columns.js";
import { DbfEncoder } from "./dbf-encoder.js";
import { builtInPrj, type PrjResolver } from "./prj.js";
import { type NullShapeReason, type ShapeBounds, ShpEncoder } from "./shp-encoder.js";
import { ShapeType, shapeTypeFor, type ShapeTypeCode } from "./shape-types.js";

/** The files of a shapefile, by extension. */
export type ShapefilePart = "shp" | "shx" | "dbf" | "prj" | "cpg";

/** Opens the sink for one part of the shapefile. */
export type ShapefileSinkFactory = (part: ShapefilePart) => ByteSink | Promise<ByteSink>;

/** Options of {@link writeShapefile}. */
export interface ShapefileOptions extends WriterOptions, DbfPlanOptions {
  /**
   * The `.prj` text: a WKT string, `false` to write none, or a resolver. Default:
   * the built-in table of Esri WKT; a spatial reference it does not know gets no
   * `.prj` and a `prj-unknown` warning.
   */
  prj?: string | false | PrjResolver;
  /** The "last update" date in the DBF header (default: now). */
  lastUpdate?: Date;
  /** Largest `.shp`/`.dbf` in bytes (default 2 GB − 1, the format's limit). */
  maxFileSize?: number;
  /** Features read ahead to infer what the source leaves open (default 1000). */
  lookahead?: number;
}

/** One field as written to the DBF. */
export interface ShapefileField {
  /** The source field name. */
  name: string;
  /** The DBF name (at most 10 bytes). */
  dbfName: string;
  /** DBF type. */
  type: "N" | "C" | "D" | "L";
  /** Width in bytes. */
  width: number;
  /** Decimal places. */
  decimals: number;
  /** `"iso"` for the ISO 8601 text companion of a date field. */
  role: "value" | "iso";
}

/** What {@link writeShapefile} wrote. */
export interface ShapefileResult {
  /** Records written. */
  featureCount: number;
  /** Records written as null shapes (missing or unusable geometry). */
  nullShapeCount: number;
  /** The shape type code of the `.shp`. */
  shapeType: ShapeTypeCode;
  /** The DBF fields. */
  fields: ShapefileField[];
  /** Parts written. */
  parts: ShapefilePart[];
  /** Bounds of the shapes, when any was written. */
  bounds?: ShapeBounds;
  /** The spatial reference the `.prj` describes. */
  spatialReference: SpatialReference;
}

/** Maximum size of a `.shp` or `.dbf`: offsets are signed 32-bit, readers stop at 2 GB. */
export const SHAPEFILE_MAX_BYTES = 2 ** 31 - 1;

const FLUSH_BYTES = 1 << 18;
const MAX_NULL_WARNINGS = 10;

function shpHeader(fileBytes: number, shapeType: number, bounds: ShapeBounds | undefined): Uint8Array {
  const bytes = new Uint8Array(100);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 9994, false);
  view.setInt32(24, fileBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, shapeType, true);
  if (bounds) {
    const z = bounds.zmin <= bounds.zmax;
    const m = bounds.mmin <= bounds.mmax;
    const values = [
      bounds.xmin,
      bounds.ymin,
      bounds.xmax,
      bounds.ymax,
      z ? bounds.zmin : 0,
      z ? bounds.zmax : 0,
      m ? bounds.mmin : 0,
      m ? bounds.mmax : 0,
    ];
    values.forEach((v, i) => view.setFloat64(36 + 8 * i, v, true));
  }
  return bytes;
}

function nullShapeCause(reason: NullShapeReason, geometry: FeatureGeometryLike | null | undefined, layerType: string | undefined): string {
  switch (reason) {
    case "missing":
      return "has no geometry";
    case "malformed":
      return "has no usable geometry (no part with enough vertices, or coordinates that are not numbers)";
    case "type-mismatch":
      return `has a ${geometryTypeOf(geometry) ?? "geometry"} where the layer holds ${layerType ?? "no geometry"}`;
  }
}

async function resolvePrj(option: ShapefileOptions["prj"], sr: SpatialReference): Promise<string | undefined> {
  if (option === false) return undefined;
  if (typeof option === "string") return option;
  return (await (option ?? builtInPrj)(sr)) ?? undefined;
}

/**
 * Streams features into a shapefile: `.shp`, `.shx`, `.dbf`, `.cpg` (UTF-8) and
 * `.prj`, each to its own sink. Records are written as they arrive; the headers
 * (file lengths, bounds, record count) are patched through `writeAt` at the end,
 * so memory stays bounded whatever the feature count.
 *
 * Shapes: point, multipoint, polyline and polygon, with their Z and M variants
 * when the data has them; missing or malformed geometries become null shapes.
 * A source without geometry (a table) is written as a lone `.dbf` (and `.cpg`).
 * Fields: names cut to 10 bytes and made unique, types that keep the values.
 *
 * @throws FileSizeLimitError before the `.shp` or `.dbf` would pass 2 GB
 * @throws ExportAbortedError when `options.signal` aborts
 */
export async function writeShapefile(
  source: FeatureSource,
  openSink: ShapefileSinkFactory,
  options: ShapefileOptions = {},
): Promise<ShapefileResult> {
  const { onWarning, signal } = options;
  const prepared = await prepareSource(source, {
    ...(options.lookahead !== undefined ? { lookahead: options.lookahead } : {}),
    ...(onWarning ? { onWarning } : {}),
    ...(signal ? { signal } : {}),
  });
  const maxBytes = options.maxFileSize ?? SHAPEFILE_MAX_BYTES;
  const shapeType = shapeTypeFor(prepared.geometryType, prepared.hasZ, prepared.hasM);
  const dbfColumns = planDbfColumns(prepared.columns, prepared.head, prepared.complete, options);
  for (const column of dbfColumns) {
    if (column.role === "value" && column.name !== column.column.name) {
      onWarning?.({
        code: "field-renamed",
        message: `Field ${column.column.name} is written as ${column.name} (DBF names hold 10 bytes and must be unique)`,
        field: column.column.name,
      });
    }
  }
  // A table (no geometry type) is a lone .dbf, as GDAL and ArcGIS write it.
  const table = shapeType === ShapeType.Null;
  const prj = table ? undefined : await resolvePrj(options.prj, prepared.spatialReference);
  if (!table && prj === undefined && options.prj !== false) {
    onWarning?.({
      code: "prj-unknown",
      message: `No .prj written: spatial reference ${JSON.stringify(prepared.spatialReference)} is not in the table of known codes`,
    });
  }

  const shpEncoder = new ShpEncoder(shapeType, prepared.hasM, prepared.hasZ, prepared.hasM);
  const dbfEncoder = new DbfEncoder(dbfColumns, onWarning);
  const lastUpdate = options.lastUpdate ?? new Date();

  const opened: ByteSink[] = [];
  const open = async (part: ShapefilePart): Promise<ByteSink> => {
    const sink = await openSink(part);
    opened.push(sink);
    return sink;
  };
  const parts: ShapefilePart[] = [...(table ? [] : (["shp", "shx"] as const)), "dbf", "cpg", ...(prj !== undefined ? (["prj"] as const) : [])];
  let closed = false;
  try {
    const discard: ByteSink = { write: () => undefined, writeAt: () => undefined };
    const shp = table ? discard : await open("shp");
    const shx = table ? discard : await open("shx");
    const dbf = await open("dbf");
    const encoder = new TextEncoder();
    const cpg = await open("cpg");
    await cpg.write(encoder.encode("UTF-8"));
    if (prj !== undefined) {
      const prjSink = await open("prj");
      await prjSink.write(encoder.encode(prj));
    }

    await shp.write(new Uint8Array(100));
    await shx.write(new Uint8Array(100));
    await dbf.write(dbfEncoder.header(0, lastUpdate));

    const shpBuf = new ByteBuffer(FLUSH_BYTES * 2);
    const shxBuf = new ByteBuffer(1 << 14);
    const dbfBuf = new ByteBuffer(FLUSH_BYTES * 2);
    let shpBytes = 100;
    let dbfBytes = dbfEncoder.headerLength;
    let count = 0;
    let nullShapes = 0;

    // A page at a time where the source holds one (no await per feature).
    const batches = new FeatureBatches(prepared.features);
    try {
      for (;;) {
        const batch = batches.take() ?? (await batches.next());
        if (!batch) break;
        for (const feature of batch) {
          const recordStart = shpBuf.length;
          shpBuf.ensure(8);
          shpBuf.length += 8;
          const contentBytes = shpEncoder.encode(shpBuf, feature.geometry);
          const reason = shpEncoder.lastNullReason;
          if (reason !== undefined) {
            nullShapes++;
            if (shapeType !== 0 && nullShapes <= MAX_NULL_WARNINGS) {
              onWarning?.({
                code: reason === "type-mismatch" ? "geometry-type-mismatch" : "null-geometry",
                message: `Feature #${count} ${nullShapeCause(reason, feature.geometry, prepared.geometryType)}: written as a null shape${nullShapes === MAX_NULL_WARNINGS ? " (further null shapes not reported)" : ""}`,
                featureIndex: count,
              });
            }
          }
          const recordBytes = 8 + contentBytes;
          if (shpBytes + recordBytes > maxBytes) throw new FileSizeLimitError("shp", maxBytes, count);
          if (dbfBytes + dbfEncoder.recordLength + 1 > maxBytes) throw new FileSizeLimitError("dbf", maxBytes, count);
          shpBuf.view.setInt32(recordStart, count + 1, false);
          shpBuf.view.setInt32(recordStart + 4, contentBytes / 2, false);
          shxBuf.ensure(8);
          shxBuf.i32be(shpBytes / 2);
          shxBuf.i32be(contentBytes / 2);
          shpBytes += recordBytes;
          dbfEncoder.encodeRecord(dbfBuf, feature.attributes, count);
          dbfBytes += dbfEncoder.recordLength;
          count++;
          if (shpBuf.length >= FLUSH_BYTES) await shp.write(shpBuf.take());
          if (dbfBuf.length >= FLUSH_BYTES) await dbf.write(dbfBuf.take());
          if (shxBuf.length >= FLUSH_BYTES / 4) await shx.write(shxBuf.take());
        }
      }
    } finally {
      await batches.close();
    }
    dbfBuf.ensure(1);
    dbfBuf.u8(0x1a);
    await shp.write(shpBuf.take());
    await shx.write(shxBuf.take());
    await dbf.write(dbfBuf.take());

    const bounds = shpEncoder.hasBounds ? { ...shpEncoder.bounds } : undefined;
    await shp.writeAt(0, shpHeader(shpBytes, shapeType, bounds));
    await shx.writeAt(0, shpHeader(100 + 8 * count, shapeType, bounds));
    await dbf.writeAt(4, DbfEncoder.recordCountBytes(count));
    closed = true;
    for (const sink of opened) await sink.close?.();

    return {
      featureCount: count,
      nullShapeCount: nullShapes,
      shapeType,
      fields: dbfColumns.map((c) => ({
        name: c.column.name,
        dbfName: c.name,
        type: c.type,
        width: c.width,
        decimals: c.decimals,
        role: c.role,
      })),
      parts,
      ...(bounds ? { bounds } : {}),
      spatialReference: prepared.spatialReference,
    };
  } finally {
    if (!closed) {
      // Release files on failure; the caller removes what was written.
      for (const sink of opened) {
        try {
          await sink.close?.();
        } catch {
          // the original error matters more
        }
      }
    }
  }
}
