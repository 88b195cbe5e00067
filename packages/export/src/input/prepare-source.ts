import type { GeometryType, SpatialReference } from "@arcrest/core";
import type { ExportFeature, FeatureSource, WarningHandler } from "../types.js";
import { type Column, columnsForFields, inferColumns } from "../values/columns.js";
import { throwIfAborted } from "./abortable.js";
import { featureIterator, iteratorOf } from "./feature-iterator.js";
import { takeBuffered } from "./feature-batches.js";
import { geometryHasM, geometryHasZ, geometryTypeOf } from "./geometry-info.js";

/** A feature source with everything a writer must know before its first byte. */
export interface PreparedSource {
  /** Columns to write, in order. */
  columns: Column[];
  /** Geometry type; `undefined` for tables and when no feature has a geometry. */
  geometryType?: GeometryType;
  /** Whether coordinates carry z. */
  hasZ: boolean;
  /** Whether coordinates carry m. */
  hasM: boolean;
  /** Spatial reference of the coordinates (4326 when the source gave none). */
  spatialReference: SpatialReference;
  /** The first features, read ahead to infer what the source did not say. */
  head: ExportFeature[];
  /** `true` when `head` holds every feature. */
  complete: boolean;
  /** All features (the head first), stopping on abort. */
  features: AsyncIterable<ExportFeature>;
}

/** Options of {@link prepareSource}. */
export interface PrepareOptions {
  /** How many features to read ahead at most (arrays are always read whole). Default 1000. */
  lookahead?: number;
  /** Receives warnings about skipped fields. */
  onWarning?: WarningHandler;
  /** Stops iteration. */
  signal?: AbortSignal;
}

/**
 * Reads ahead a bounded number of features to settle what the source left open
 * (fields, geometry type, z/m), then hands back an iterable over every feature.
 */
export async function prepareSource(source: FeatureSource, options: PrepareOptions = {}): Promise<PreparedSource> {
  const { signal } = options;
  const limit = options.lookahead ?? 1000;
  let head: ExportFeature[];
  let complete: boolean;
  let features: AsyncIterable<ExportFeature>;
  throwIfAborted(signal);
  if (Array.isArray(source.features)) {
    head = source.features;
    complete = true;
    features = featureIterator(head, undefined, signal);
  } else {
    const iterator = iteratorOf(source.features);
    head = [];
    complete = false;
    while (head.length < limit) {
      throwIfAborted(signal);
      // What the source holds is taken at once (the rest of a page); only the first `limit` settle the columns.
      const held = takeBuffered(iterator);
      if (held.length > 0) {
        for (const feature of held) head.push(feature);
        continue;
      }
      const next = await iterator.next();
      if (next.done) {
        complete = true;
        break;
      }
      head.push(next.value);
    }
    features = featureIterator(head, complete ? undefined : iterator, signal);
  }

  const sample = !complete && head.length > limit ? head.slice(0, limit) : head;
  const columns = source.fields ? columnsForFields(source.fields, sample, options.onWarning) : inferColumns(sample);
  const firstGeometry = sample.find((f) => geometryTypeOf(f.geometry))?.geometry ?? undefined;
  const geometryType = source.geometryType ?? geometryTypeOf(firstGeometry);
  const hasZ = source.hasZ ?? sample.some((f) => f.geometry && geometryTypeOf(f.geometry) && geometryHasZ(f.geometry));
  const hasM = source.hasM ?? sample.some((f) => f.geometry && geometryTypeOf(f.geometry) && geometryHasM(f.geometry));
  const spatialReference = source.spatialReference ?? firstGeometry?.spatialReference ?? { wkid: 4326 };
  return {
    columns,
    ...(geometryType ? { geometryType } : {}),
    hasZ: !!hasZ,
    hasM: !!hasM,
    spatialReference,
    head,
    complete,
    features,
  };
}
