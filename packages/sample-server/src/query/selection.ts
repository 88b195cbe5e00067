/**
 * Which rows a query selects, in which order, and paging over them. The object-id order is
 * the layer's natural order (see row-source); other orders are sorted once and cached for
 * large layers. Filters combine object ids, the where clause and the spatial test.
 */
import type { SampleFeature, SampleLayer } from "../data/types.js";
import type { SpatialFilter } from "./geometry/spatial-filter.js";
import { featureComparator, isObjectIdOrder, type OrderTerm } from "./order-by.js";
import { rowSourceOf } from "./row-source.js";
import type { OidBounds, Predicate } from "./where/index.js";

/** Everything that decides whether a row is selected. */
export interface RowFilter {
  /** Nothing can match (e.g. `1=0`). */
  nothing: boolean;
  /** Inclusive object-id interval (from the where clause and objectIds). */
  oidBounds: OidBounds | null;
  /** Explicit object ids (objectIds parameter). */
  oidSet: Set<number> | null;
  predicates: Predicate[];
  spatial: SpatialFilter | null;
}

/** Selected candidates: positions [start, end) of an ordered list, each kept when `test` passes. */
export interface Selection {
  at: (i: number) => SampleFeature;
  start: number;
  end: number;
  test: ((feature: SampleFeature) => boolean) | null;
  /** Object id at position i, without building the feature (object-id ordered selections only). */
  oidAt?: (i: number) => number;
}

/** Intersects two object-id intervals. */
export function intersectBounds(a: OidBounds | null, b: OidBounds | null): OidBounds | null {
  if (!a) return b;
  if (!b) return a;
  return { lo: Math.max(a.lo, b.lo), hi: Math.min(a.hi, b.hi) };
}

function rowTest(layer: SampleLayer, filter: RowFilter, checkBounds: boolean): ((f: SampleFeature) => boolean) | null {
  const oidField = layer.objectIdField;
  const tests: ((f: SampleFeature) => boolean)[] = [];
  if (checkBounds && filter.oidBounds) {
    const { lo, hi } = filter.oidBounds;
    tests.push((f) => {
      const oid = f.attributes[oidField] as number;
      return oid >= lo && oid <= hi;
    });
  }
  if (filter.oidSet) {
    const set = filter.oidSet;
    tests.push((f) => set.has(f.attributes[oidField] as number));
  }
  for (const predicate of filter.predicates) tests.push((f) => predicate(f.attributes) === true);
  if (filter.spatial) {
    const spatial = filter.spatial.test;
    tests.push((f) => spatial(f.geometry));
  }
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0];
  return (f) => {
    for (const t of tests) if (!t(f)) return false;
    return true;
  };
}

const EMPTY: Selection = { at: () => { throw new RangeError("empty selection"); }, start: 0, end: 0, test: null };

/** Layers at least this large keep their sorted orders cached between requests. */
const SORT_CACHE_THRESHOLD = 20_000;

interface SortCache {
  key: unknown;
  length: number;
  lastEditDate: number | undefined;
  orders: Map<string, SampleFeature[]>;
}

const sortCaches = new WeakMap<SampleLayer, SortCache>();

function allRowsSorted(layer: SampleLayer, terms: OrderTerm[]): SampleFeature[] {
  const source = rowSourceOf(layer);
  const build = (): SampleFeature[] => {
    const rows = new Array<SampleFeature>(source.length);
    for (let i = 0; i < source.length; i++) rows[i] = source.at(i);
    return rows.sort(featureComparator(terms, layer.objectIdField));
  };
  const key = layer.lazy ?? layer.features;
  let cache = sortCaches.get(layer);
  if (!cache || cache.key !== key || cache.length !== source.length || cache.lastEditDate !== layer.lastEditDate) {
    cache = { key, length: source.length, lastEditDate: layer.lastEditDate, orders: new Map() };
    sortCaches.set(layer, cache);
  }
  const id = terms.map((t) => `${t.key}:${t.descending ? "d" : "a"}`).join(",");
  let rows = cache.orders.get(id);
  if (!rows) {
    rows = build();
    if (cache.orders.size >= 4) cache.orders.clear();
    cache.orders.set(id, rows);
  }
  return rows;
}

/** The selection for a filter and an order. */
export function select(layer: SampleLayer, filter: RowFilter, order: OrderTerm[]): Selection {
  if (filter.nothing) return EMPTY;
  const source = rowSourceOf(layer);
  if (isObjectIdOrder(order, layer.objectIdField)) {
    const bounds = filter.oidBounds;
    const start = bounds ? source.lowerBound(bounds.lo) : 0;
    const end = bounds ? source.upperBound(bounds.hi) : source.length;
    if (start >= end) return EMPTY;
    return { at: (i) => source.at(i), start, end, test: rowTest(layer, filter, false), oidAt: (i) => source.oidAt(i) };
  }
  if (source.length >= SORT_CACHE_THRESHOLD) {
    const rows = allRowsSorted(layer, order);
    return { at: (i) => rows[i], start: 0, end: rows.length, test: rowTest(layer, filter, true) };
  }
  // Small layer: filter in object-id order, then sort what matched.
  const matched = collectAll(select(layer, filter, []));
  matched.sort(featureComparator(order, layer.objectIdField));
  return { at: (i) => matched[i], start: 0, end: matched.length, test: null };
}

/** Rows `offset .. offset+limit` of a selection, and whether any row follows them. */
export function page(selection: Selection, offset: number, limit: number): { rows: SampleFeature[]; more: boolean } {
  const { at, start, end, test } = selection;
  if (!test) {
    const from = Math.min(end, start + offset);
    const to = Math.min(end, from + limit);
    const rows = new Array<SampleFeature>(to - from);
    for (let i = from; i < to; i++) rows[i - from] = at(i);
    return { rows, more: to < end };
  }
  const rows: SampleFeature[] = [];
  let skipped = 0;
  for (let i = start; i < end; i++) {
    const feature = at(i);
    if (!test(feature)) continue;
    if (skipped < offset) {
      skipped++;
      continue;
    }
    if (rows.length === limit) return { rows, more: true };
    rows.push(feature);
  }
  return { rows, more: false };
}

/** Number of selected rows. */
export function countSelected(selection: Selection): number {
  const { at, start, end, test } = selection;
  if (!test) return end - start;
  let count = 0;
  for (let i = start; i < end; i++) if (test(at(i))) count++;
  return count;
}

/** Calls `fn` for every selected row, in order. */
export function forEachSelected(selection: Selection, fn: (feature: SampleFeature) => void): void {
  const { at, start, end, test } = selection;
  for (let i = start; i < end; i++) {
    const feature = at(i);
    if (!test || test(feature)) fn(feature);
  }
}

/** Object ids of the selected rows, in order (without building features when nothing needs testing). */
export function selectedObjectIds(selection: Selection, oidField: string): number[] {
  const { start, end, test, oidAt } = selection;
  if (!test && oidAt) {
    const ids = new Array<number>(end - start);
    for (let i = start; i < end; i++) ids[i - start] = oidAt(i);
    return ids;
  }
  const ids: number[] = [];
  forEachSelected(selection, (f) => ids.push(f.attributes[oidField] as number));
  return ids;
}

/** All selected rows, in order. */
export function collectAll(selection: Selection): SampleFeature[] {
  const rows: SampleFeature[] = [];
  forEachSelected(selection, (f) => rows.push(f));
  return rows;
}
