import type { EsriEnvelope, EsriGeometry, EsriMultipoint, EsriPoint, EsriPolygon, EsriPolyline, GeometryType, SpatialReference } from "../types/esri-json.js";
import { GeometryError } from "./errors.js";
import { esriGeometryTypeOf } from "./esri-geometry-type.js";
import type { GeometryInput } from "./geometry.js";
import { readGeometryInput } from "./read-geometry-input.js";

/**
 * What a `Geometry` holds, read from any {@link GeometryInput}: normalized Esri JSON without its
 * spatial reference, the spatial reference, and the type. Spatial filters work on these parts
 * directly, so they do not load the `Geometry` class, whose methods load every conversion
 * (GeoJSON output, envelopes) a filter never needs.
 */
export interface GeometryParts {
  /** Normalized Esri JSON, without `spatialReference`. Never changed once read. */
  readonly esri: EsriGeometry;
  /** Spatial reference of the coordinates, when known. */
  readonly spatialReference: SpatialReference | undefined;
  /** The `esriGeometry*` type. */
  readonly geometryType: GeometryType;
}

/**
 * The parts of every `Geometry`, keyed by instance: how a reader recognises a `Geometry`
 * given as input without importing the class (a `WeakMap` instead of `instanceof`).
 */
const geometries = new WeakMap<object, GeometryParts>();

/** Records the parts of a `Geometry` (called by its constructor). */
export function rememberGeometry(geometry: object, parts: GeometryParts): void {
  geometries.set(geometry, parts);
}

/**
 * Reads anything `Geometry` accepts, a `Geometry` included, into its parts.
 *
 * @throws GeometryError when the input is not a geometry
 */
export function readGeometry(input: GeometryInput): GeometryParts {
  const known = typeof input === "object" && input !== null ? geometries.get(input) : undefined;
  // A geometry's Esri JSON is never changed, so it is shared; its spatial reference is public and copied.
  if (known) return { ...known, spatialReference: known.spatialReference && { ...known.spatialReference } };
  const esri = readGeometryInput(input);
  const spatialReference = esri.spatialReference;
  delete esri.spatialReference;
  return { esri, spatialReference, geometryType: esriGeometryTypeOf(esri) as GeometryType };
}

/**
 * The same parts in another spatial reference (the coordinates are not projected: they are
 * declared to be in it, as `GeometryOptions.spatialReference` does).
 *
 * @param spatialReference - a wkid or a full spatial reference
 * @throws GeometryError when it is neither
 */
export function withSpatialReference(parts: GeometryParts, spatialReference: SpatialReference | number): GeometryParts {
  const sr = typeof spatialReference === "number" ? { wkid: spatialReference } : { ...spatialReference };
  if (!isSpatialReference(sr)) throw new GeometryError("expected a wkid or { wkid } / { wkt }", spatialReference, "options.spatialReference");
  return { ...parts, spatialReference: sr };
}

/** True when there are no coordinates (an empty point, no parts, an envelope without bounds). */
export function isEmptyGeometry({ esri, geometryType }: GeometryParts): boolean {
  switch (geometryType) {
    case "esriGeometryPoint":
      return Number.isNaN((esri as EsriPoint).x);
    case "esriGeometryMultipoint":
      return (esri as EsriMultipoint).points.length === 0;
    case "esriGeometryPolyline":
      return (esri as EsriPolyline).paths.length === 0;
    case "esriGeometryPolygon":
      return (esri as EsriPolygon).rings.length === 0;
    default:
      return Number.isNaN((esri as EsriEnvelope).xmin);
  }
}

function isSpatialReference(value: unknown): value is SpatialReference {
  if (typeof value !== "object" || value === null) return false;
  const sr = value as SpatialReference;
  return (typeof sr.wkid === "number" && Number.isFinite(sr.wkid)) || (typeof sr.wkt === "string" && sr.wkt.length > 0);
}
