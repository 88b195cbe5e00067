import type { LazyFeatureSource, SampleFeature } from "./types.js";

/**
 * A read-only array view of a lazy source: `length` is the source's count and element i is
 * `featureAt(i)`, built on access. Nothing is kept, so a million features cost no memory; writes
 * are ignored. Array methods (slice, filter, iteration, ...) work through the view.
 */
export function lazyFeatureArray(source: LazyFeatureSource): SampleFeature[] {
  const index = (key: string | symbol): number | undefined => {
    if (typeof key !== "string" || key === "" || key.length > 10) return undefined;
    const n = Number(key);
    return Number.isInteger(n) && n >= 0 && n < source.count && String(n) === key ? n : undefined;
  };
  return new Proxy<SampleFeature[]>([], {
    get(target, key, receiver) {
      if (key === "length") return source.count;
      const i = index(key);
      if (i !== undefined) return source.featureAt(i);
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      return index(key) !== undefined || Reflect.has(target, key);
    },
    set() {
      return true;
    },
    deleteProperty() {
      return true;
    },
  });
}
