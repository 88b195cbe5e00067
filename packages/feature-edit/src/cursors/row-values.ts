import { Geometry, ValidationError, type EsriGeometry, type GeometryInput, type LayerMetadata } from "@arcrest/core";
import type { WireFeature } from "../edits/normalize-input.js";
import { wireAttributes } from "../edits/normalize-input.js";

/** Geometry of a cursor's `SHAPE@`/`SHAPE@XY`/`SHAPE@JSON` value, as Esri JSON in the layer's spatial reference unless it says otherwise. */
function shapeValue(token: string, value: unknown, layer: LayerMetadata, where: string): EsriGeometry | null {
  if (value === null || value === undefined) return null;
  const sr = layer.spatialReference;
  let geometry: Geometry;
  try {
    if (token === "SHAPE@XY") {
      if (!Array.isArray(value) || value.length < 2) throw new ValidationError(where, "SHAPE@XY takes [x, y]");
      geometry = new Geometry([Number(value[0]), Number(value[1])], sr ? { spatialReference: sr } : {});
    } else {
      const input = token === "SHAPE@JSON" && typeof value === "string" ? (JSON.parse(value) as GeometryInput) : (value as GeometryInput);
      geometry = Geometry.from(input);
      if (!geometry.spatialReference && sr) geometry = new Geometry(geometry, { spatialReference: sr });
    }
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(where, `is not a geometry: ${error instanceof Error ? error.message : String(error)}`);
  }
  const esri = geometry.toEsriJSON();
  return geometry.spatialReference ? { ...esri, spatialReference: geometry.spatialReference } : esri;
}

/**
 * A cursor row (values in field order, or an object keyed by field name or token) as a feature
 * to send. `OID@` sets the object id; `SHAPE@`, `SHAPE@XY` and `SHAPE@JSON` set the geometry.
 */
export function rowToFeature(values: readonly unknown[] | Record<string, unknown>, fields: readonly string[] | undefined, layer: LayerMetadata, where: string): WireFeature {
  let entries: [string, unknown][];
  if (Array.isArray(values)) {
    if (!fields) throw new ValidationError(where, "a row given as an array needs the cursor's fields");
    if (values.length !== fields.length) throw new ValidationError(where, `has ${values.length} values for ${fields.length} fields (${fields.join(", ")})`);
    entries = fields.map((f, i) => [f, values[i]]);
  } else if (typeof values === "object" && values !== null) {
    entries = Object.entries(values);
  } else {
    throw new ValidationError(where, "must be an array of values in field order or an object keyed by field name");
  }
  const attributes: Record<string, unknown> = {};
  let geometry: EsriGeometry | null | undefined;
  for (const [name, value] of entries) {
    const token = name.toUpperCase();
    if (token === "OID@") {
      if (layer.objectIdField) attributes[layer.objectIdField] = value;
    } else if (token === "SHAPE@" || token === "SHAPE@XY" || token === "SHAPE@JSON") {
      geometry = shapeValue(token, value, layer, `${where}.${name}`);
    } else if (token.startsWith("SHAPE@")) {
      throw new ValidationError(`${where}.${name}`, "cannot be written; use SHAPE@, SHAPE@XY or SHAPE@JSON");
    } else {
      const field = layer.field(name);
      if (!field) throw new ValidationError(`${where}.${name}`, `is not a field of ${layer.name}; have ${layer.listFields().join(", ")}`);
      attributes[field.name] = value;
    }
  }
  return { attributes: wireAttributes(attributes, where), ...(geometry !== undefined ? { geometry } : {}) };
}
