import { ValidationError, type LayerMetadata } from "@arcrest/core";

/** What one cursor column holds. */
export type CursorColumn =
  | { kind: "field"; name: string }
  | { kind: "oid"; name: string }
  | { kind: "shape" }
  | { kind: "shape-xy" }
  | { kind: "shape-x" }
  | { kind: "shape-y" }
  | { kind: "shape-json" };

/** The columns of a cursor and what to request for them. */
export interface CursorPlan {
  /** Column names as the rows expose them (tokens kept as given, fields in layer case). */
  names: string[];
  columns: CursorColumn[];
  /** `outFields` to request. */
  outFields: string[];
  /** Whether any column needs the geometry. */
  returnGeometry: boolean;
}

const TOKENS: Record<string, CursorColumn["kind"]> = {
  "SHAPE@": "shape",
  "SHAPE@XY": "shape-xy",
  "SHAPE@X": "shape-x",
  "SHAPE@Y": "shape-y",
  "SHAPE@JSON": "shape-json",
  "OID@": "oid",
};

/**
 * Reads a cursor field list the way the seed (and arcpy) does: plain field
 * names (case-insensitive), `*` for every field, the shape field's own name or
 * `SHAPE@` for the geometry, `SHAPE@XY` for a centroid pair, `SHAPE@X`/`SHAPE@Y`,
 * `SHAPE@JSON` for Esri JSON text, and `OID@` for the object id.
 *
 * @throws ValidationError naming an unknown field or token
 */
export function planCursor(layer: LayerMetadata, fields: string | readonly string[] | undefined): CursorPlan {
  const requested = fields === undefined ? ["*"] : typeof fields === "string" ? fields.split(",").map((f) => f.trim()) : [...fields];
  if (requested.length === 0) throw new ValidationError("fields", "name at least one field or token (or use *)");
  const names: string[] = [];
  const columns: CursorColumn[] = [];
  const outFields = new Set<string>();
  const shapeField = layer.shapeField?.toLowerCase();
  const add = (name: string, column: CursorColumn) => {
    names.push(name);
    columns.push(column);
  };
  for (const raw of requested) {
    const upper = raw.toUpperCase();
    const token = TOKENS[upper];
    if (token !== undefined) {
      if (token === "oid") {
        const oid = layer.objectIdField;
        if (oid === undefined) throw new ValidationError("fields", `OID@: ${layer.url} has no object id field`);
        outFields.add(oid);
        add(upper, { kind: "oid", name: oid });
      } else {
        if (layer.isTable) throw new ValidationError("fields", `${raw}: ${layer.url} is a table without geometry`);
        add(upper, { kind: token } as CursorColumn);
      }
      continue;
    }
    if (upper.startsWith("SHAPE@")) {
      throw new ValidationError("fields", `unknown token "${raw}"; use SHAPE@, SHAPE@XY, SHAPE@X, SHAPE@Y, SHAPE@JSON or OID@`);
    }
    if (raw === "*") {
      for (const f of layer.fields) {
        if (f.type === "esriFieldTypeGeometry") add(f.name, { kind: "shape" });
        else {
          outFields.add(f.name);
          add(f.name, { kind: "field", name: f.name });
        }
      }
      continue;
    }
    if (shapeField !== undefined && raw.toLowerCase() === shapeField) {
      add(layer.shapeField as string, { kind: "shape" });
      continue;
    }
    const field = layer.field(raw);
    if (!field || raw.includes("*")) {
      throw new ValidationError("fields", `"${raw}" is not a field of ${layer.url}; fields are ${layer.listFields().join(", ")}`);
    }
    outFields.add(field.name);
    add(field.name, { kind: "field", name: field.name });
  }
  return {
    names,
    columns,
    outFields: [...outFields],
    returnGeometry: columns.some((c) => c.kind.startsWith("shape")),
  };
}
