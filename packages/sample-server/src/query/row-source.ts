/**
 * Rows of a layer in object-id order, with binary search by object id, cached per layer so a
 * page or an object-id range costs O(log n + page) instead of a scan. Lazy (generated) layers
 * are used directly through their contract: object ids 1..count, `featureAt(i)` has id i + 1.
 */
import type { SampleFeature, SampleLayer } from "../data/types.js";

/** Features in ascending object-id order. */
export interface RowSource {
  readonly length: number;
  /** The feature at position i (0-based) in object-id order. */
  at(i: number): SampleFeature;
  /** Object id of the feature at position i. */
  oidAt(i: number): number;
  /** First position whose object id is >= oid (length when none). */
  lowerBound(oid: number): number;
  /** First position whose object id is > oid (length when none). */
  upperBound(oid: number): number;
}

/** Layers this small are re-checked on every request (edits may change them in place). */
const CACHE_THRESHOLD = 20_000;

interface CachedSource {
  features: SampleFeature[];
  length: number;
  lastEditDate: number | undefined;
  source: RowSource;
}

const cache = new WeakMap<SampleLayer, CachedSource>();

function lazySource(layer: SampleLayer & { lazy: NonNullable<SampleLayer["lazy"]> }): RowSource {
  const lazy = layer.lazy;
  const count = lazy.count;
  const clamp = (v: number): number => Math.max(0, Math.min(count, v));
  return {
    length: count,
    at: (i) => lazy.featureAt(i),
    oidAt: (i) => i + 1,
    lowerBound: (oid) => clamp(Math.ceil(oid) - 1),
    upperBound: (oid) => clamp(Math.floor(oid)),
  };
}

function oidOf(feature: SampleFeature, oidField: string): number {
  const v = feature.attributes[oidField];
  return typeof v === "number" ? v : Number(v);
}

function arraySource(features: SampleFeature[], oidField: string): RowSource {
  let sorted = true;
  for (let i = 1; i < features.length; i++) {
    if (!(oidOf(features[i - 1], oidField) < oidOf(features[i], oidField))) {
      sorted = false;
      break;
    }
  }
  const rows = sorted ? features : [...features].sort((a, b) => oidOf(a, oidField) - oidOf(b, oidField));
  const oids = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) oids[i] = oidOf(rows[i], oidField);
  const search = (oid: number, strict: boolean): number => {
    let lo = 0;
    let hi = oids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (oids[mid] < oid || (strict && oids[mid] === oid)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    length: rows.length,
    at: (i) => rows[i],
    oidAt: (i) => oids[i],
    lowerBound: (oid) => search(oid, false),
    upperBound: (oid) => search(oid, true),
  };
}

/** The layer's rows in object-id order. */
export function rowSourceOf(layer: SampleLayer): RowSource {
  if (layer.lazy) return lazySource(layer as SampleLayer & { lazy: NonNullable<SampleLayer["lazy"]> });
  const features = layer.features;
  if (features.length < CACHE_THRESHOLD) return arraySource(features, layer.objectIdField);
  const hit = cache.get(layer);
  if (hit && hit.features === features && hit.length === features.length && hit.lastEditDate === layer.lastEditDate) {
    return hit.source;
  }
  const source = arraySource(features, layer.objectIdField);
  cache.set(layer, { features, length: features.length, lastEditDate: layer.lastEditDate, source });
  return source;
}
