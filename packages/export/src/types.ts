import type { FeatureGeometryLike, Field, GeometryType, SpatialReference } from "@arcrest/core";

/**
 * Attribute values a writer accepts: what ArcGIS sends in JSON, plus `Date`
 * (as `@arcrest/query` returns dates) and `undefined` for missing keys.
 */
export type ExportAttributeValue = string | number | boolean | bigint | Date | null | undefined;

/** A feature as the writers read it: Esri JSON, attributes possibly holding `Date`s. */
export interface ExportFeature {
  /** Attribute values keyed by field name. */
  attributes: Record<string, unknown>;
  /** Esri JSON geometry (positions as tuples or plain number arrays); absent or null for none. */
  geometry?: FeatureGeometryLike | null;
}

/** Features in any iterable form; async iterables stream in bounded memory. */
export type FeatureIterable = AsyncIterable<ExportFeature> | Iterable<ExportFeature>;

/**
 * What every writer consumes: the features and the description of their
 * columns and coordinates (as in a layer's metadata or a query response).
 */
export interface FeatureSource {
  /** The features, streamed. */
  features: FeatureIterable;
  /**
   * The fields, in output order. When omitted, fields are inferred from the
   * first features' attributes (all of them for in-memory arrays).
   */
  fields?: Field[];
  /** Spatial reference of the coordinates; 4326 when omitted. */
  spatialReference?: SpatialReference;
  /** Geometry type; inferred from the first geometry when omitted. */
  geometryType?: GeometryType;
  /** Whether geometries carry z values; inferred when omitted. */
  hasZ?: boolean;
  /** Whether geometries carry m values; inferred when omitted. */
  hasM?: boolean;
}

/** Something a writer wants the caller to know without failing the export. */
export interface ExportWarning {
  /** Machine-readable kind. */
  code:
    | "prj-unknown"
    | "null-geometry"
    | "geometry-type-mismatch"
    | "value-truncated"
    | "value-out-of-range"
    | "field-renamed"
    | "field-skipped"
    | "workers-stopped";
  /** Human-readable explanation. */
  message: string;
  /** Index of the feature concerned, if any. */
  featureIndex?: number;
  /** Field concerned, if any. */
  field?: string;
}

/** Receives warnings; the default ignores them. */
export type WarningHandler = (warning: ExportWarning) => void;

/** Options shared by every writer. */
export interface WriterOptions {
  /** Called for each warning (renamed fields, truncated values, null shapes, unknown `.prj`). */
  onWarning?: WarningHandler;
  /** Cancels the write; the iteration stops with an `ExportAbortedError`. */
  signal?: AbortSignal;
}
