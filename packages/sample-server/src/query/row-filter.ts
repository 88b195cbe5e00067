/** Builds a {@link RowFilter} from where / objectIds / spatial parameters. */
import type { SampleLayer } from "../data/types.js";
import { fieldIndexOf } from "./fields.js";
import { buildSpatialFilter } from "./geometry/spatial-filter.js";
import type { QueryParams } from "./params.js";
import { intersectBounds, type RowFilter } from "./selection.js";
import { timePredicate } from "./time-filter.js";
import { compileWhere } from "./where/index.js";

/** Adds a where clause to a filter (AND). */
export function addWhere(filter: RowFilter, layer: SampleLayer, where: string | undefined): RowFilter {
  if (where === undefined) return filter;
  const compiled = compileWhere(where, fieldIndexOf(layer), layer.objectIdField);
  return {
    ...filter,
    nothing: filter.nothing || compiled.selectsNothing,
    oidBounds: intersectBounds(filter.oidBounds, compiled.oidBounds),
    predicates: compiled.predicate ? [...filter.predicates, compiled.predicate] : filter.predicates,
  };
}

/** Adds an explicit object-id list to a filter. */
export function addObjectIds(filter: RowFilter, ids: number[] | undefined): RowFilter {
  if (ids === undefined) return filter;
  if (ids.length === 0) return { ...filter, nothing: true };
  let lo = Infinity;
  let hi = -Infinity;
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  return { ...filter, oidSet: new Set(ids), oidBounds: intersectBounds(filter.oidBounds, { lo, hi }) };
}

/** A filter that selects everything. */
export function emptyFilter(): RowFilter {
  return { nothing: false, oidBounds: null, oidSet: null, predicates: [], spatial: null };
}

/** The filter of a layer query: where, objectIds and the spatial parameters. */
export function queryFilter(layer: SampleLayer, params: QueryParams): RowFilter {
  let filter = addWhere(emptyFilter(), layer, params.text("where"));
  // `text` is shorthand for `<displayField> LIKE '%text%'` (MapServer layers).
  const text = params.text("text");
  if (text !== undefined && layer.displayField) {
    filter = addWhere(filter, layer, `${quoteIdentifier(layer.displayField)} LIKE '%${text.replace(/'/g, "''")}%'`);
  }
  filter = addObjectIds(filter, params.ids("objectIds"));
  const time = timePredicate(layer, params);
  if (time) filter = { ...filter, predicates: [...filter.predicates, time] };
  const spatial = buildSpatialFilter(layer, params);
  return spatial ? { ...filter, spatial } : filter;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, "")}"`;
}
