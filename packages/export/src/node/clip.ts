import { Geometry, type EsriEnvelope, type EsriPolygon, type GeometryInput, type SpatialReference } from "@arcrest/core";
import { ClipRegion, clipGeometry } from "../clip/clip-geometry.js";
import { ExportValidationError } from "../errors.js";
import type { ExportFeature } from "../types.js";
import { type ExportResult, writeFeaturesToFile } from "./export-features.js";
import { type ExportLayerOptions, type ExportableLayer, layerSource } from "./export-layer.js";
import { formatFromPath, formatWantsWgs84 } from "./formats.js";

/** Options of {@link clip}: those of `exportLayer` (`where`, `fields`, `outSR`, `overwrite`, `signal` ...). */
export type ClipOptions = Omit<ExportLayerOptions, "geometry" | "inSR" | "spatialRel" | "distance" | "units">;

function sameSpatialReference(a: SpatialReference | undefined, b: SpatialReference | undefined): boolean {
  const ids = (sr: SpatialReference | undefined): number[] => [sr?.latestWkid, sr?.wkid].filter((id): id is number => id !== undefined);
  const ia = ids(a);
  const ib = ids(b);
  if (ia.length === 0 || ib.length === 0) return a?.wkt !== undefined && a.wkt === b?.wkt;
  const mercator = (id: number): number => ([102100, 102113, 900913, 3785].includes(id) ? 3857 : id);
  return ia.some((x) => ib.some((y) => mercator(x) === mercator(y)));
}

/**
 * Clips a layer to a polygon and writes the result: features intersecting the
 * polygon are queried, then lines and polygons are cut to it geometrically
 * (points outside are dropped), attributes kept. The seed's `clip`, which only
 * selected; this cuts.
 *
 * The polygon may be Esri JSON, GeoJSON, a bbox or a `Geometry` (e.g. from
 * `Geometry.fromFile()` of `@arcrest/core/node`); without a spatial reference
 * it is taken to be in the layer's. The output is in `outSR` when given, else
 * in the layer's spatial reference (WGS84 for GeoJSON and KML).
 *
 * @example
 * ```ts
 * await clip(lyr, sacramento, "out/Sacramento_gauges.shp", { fields: ["gaugelid", "location"] });
 * ```
 * @throws ExportValidationError when the polygon is not a polygon or envelope, or the layer has no geometry
 */
export async function clip(
  layer: ExportableLayer,
  polygon: GeometryInput,
  destination: string,
  options: ClipOptions = {},
): Promise<ExportResult> {
  if (!layer.geometryType) throw new ExportValidationError(`${layer.url} has no geometry to clip`, "layer");
  const format = options.format ?? formatFromPath(destination);
  const input = Geometry.from(polygon);
  if (input.geometryType !== "esriGeometryPolygon" && input.geometryType !== "esriGeometryEnvelope") {
    throw new ExportValidationError(`The clip geometry must be a polygon or an envelope, not ${input.geometryType}`, "polygon");
  }
  const clipSR = input.spatialReference ?? layer.spatialReference;
  const requested = options.outSR !== undefined ? (typeof options.outSR === "number" ? { wkid: options.outSR } : options.outSR) : undefined;
  // Cut where the features are delivered: WGS84 for GeoJSON/KML, else outSR, else the layer's own.
  const fixed = formatWantsWgs84(format) ? { wkid: 4326 } : requested;
  let workSR = fixed ?? layer.spatialReference ?? clipSR;
  let clipEsri = input.toEsriJSON() as EsriPolygon | EsriEnvelope;
  if (workSR && clipSR && !sameSpatialReference(workSR, clipSR)) {
    const { project } = await import("@arcrest/core/projection");
    try {
      clipEsri = project(clipEsri, clipSR, workSR) as EsriPolygon | EsriEnvelope;
    } catch (error) {
      // A layer spatial reference proj4 does not know: let the server deliver features in the polygon's.
      if (fixed) throw error;
      workSR = clipSR;
    }
  }
  const region = new ClipRegion(clipEsri);
  const filter = new Geometry(clipEsri, workSR ? { spatialReference: workSR } : {});

  const progress: { total?: number } = {};
  const source = layerSource(layer, {
    ...options,
    format,
    ...(workSR ? { outSR: workSR } : {}),
    geometry: filter,
    spatialRel: "esriSpatialRelIntersects",
    progress,
  });
  const zm = { hasZ: source.hasZ === true, hasM: source.hasM === true };
  const selected = source.features;
  async function* clipped(): AsyncGenerator<ExportFeature> {
    for await (const feature of selected) {
      const geometry = clipGeometry(feature.geometry, region, zm);
      if (geometry) yield { attributes: feature.attributes, geometry };
    }
  }
  return writeFeaturesToFile({ ...source, features: clipped() }, destination, { ...options, format }, { defaultName: layer.name });
}
