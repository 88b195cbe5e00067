import { LayerMetadata, fetchLayerInfo, type Geometry, type SpatialReference } from "@arcrest/core";
import { layerUrl } from "../operations/layer-url.js";
import { spatialReferenceParam } from "../params/build-query-params.js";
import { streamPages, type StreamFeaturesOptions } from "../features/stream-features.js";
import type { Feature } from "../types.js";
import { centroidXY } from "./centroid.js";
import { planCursor } from "./cursor-fields.js";
import { Row, type CursorValue } from "./row.js";
import { shapeOf } from "./shape.js";

/** Options of {@link searchCursor}. */
export interface CursorOptions extends Omit<StreamFeaturesOptions, "outFields" | "f" | "returnGeometry" | "onMetadata"> {
  /**
   * Columns: field names (case-insensitive), `*` (default: every field, the
   * shape as a `Geometry`), and the tokens `SHAPE@`, `SHAPE@XY`, `SHAPE@X`,
   * `SHAPE@Y`, `SHAPE@JSON`, `OID@`.
   */
  fields?: string | readonly string[];
}

/**
 * An arcpy-style search cursor (the seed's `lyr.cursor(where, fields)`): rows of
 * values in field order, every page fetched and streamed.
 *
 * @param layer - the layer URL, or its loaded metadata
 * @example
 * ```ts
 * for await (const [shape, id, status] of searchCursor(url, { where: "state = 'CA'", fields: ["SHAPE@", "gaugelid", "status"] })) {
 *   console.log(id, status, shape.toGeoJSON());
 * }
 * ```
 */
export async function* searchCursor(layer: string | LayerMetadata, options: CursorOptions = {}): AsyncGenerator<Row> {
  const call = { ...(options.session ? { session: options.session } : {}), ...(options.signal ? { signal: options.signal } : {}) };
  const meta = typeof layer === "string" ? new LayerMetadata(layerUrl(layer), await fetchLayerInfo(layerUrl(layer), call)) : layer;
  const plan = planCursor(meta, options.fields);
  let sr: SpatialReference | undefined =
    options.outSR === undefined ? meta.spatialReference : typeof options.outSR === "number" ? { wkid: options.outSR } : options.outSR;
  if (options.outSR !== undefined) spatialReferenceParam(options.outSR, "outSR");
  const { fields: _fields, ...rest } = options;
  const pages = streamPages(meta.url, {
    ...rest,
    layer: meta,
    f: "json",
    outFields: plan.outFields.length > 0 ? plan.outFields : [meta.objectIdField ?? "*"],
    returnGeometry: plan.returnGeometry,
    onMetadata: (m) => {
      if (m.spatialReference) sr = m.spatialReference;
    },
  });
  const names = plan.names;
  for await (const page of pages) {
    for (const feature of page as Feature[]) {
      const values: CursorValue[] = new Array(plan.columns.length);
      let geometry: Geometry | null | undefined;
      const shape = (): Geometry | null => {
        if (geometry === undefined) geometry = shapeOf(feature.geometry, sr);
        return geometry;
      };
      plan.columns.forEach((column, i) => {
        switch (column.kind) {
          case "field":
          case "oid":
            values[i] = feature.attributes[column.name] ?? null;
            break;
          case "shape":
            values[i] = shape();
            break;
          case "shape-xy":
            values[i] = centroidXY(feature.geometry);
            break;
          case "shape-x":
            values[i] = centroidXY(feature.geometry)?.[0] ?? null;
            break;
          case "shape-y":
            values[i] = centroidXY(feature.geometry)?.[1] ?? null;
            break;
          case "shape-json":
            values[i] = feature.geometry ? JSON.stringify(sr ? { ...feature.geometry, spatialReference: sr } : feature.geometry) : null;
            break;
        }
      });
      yield new Row(names, values);
    }
  }
}
