import type { FeatureValue } from "../types.js";
import { parseFeatureSet } from "./feature-set.js";

/**
 * Parses an `outStatistics` answer into rows keyed by the requested output
 * names and group-by fields. Servers disagree on those keys: some upper- or
 * lower-case the aliases, and some old ones send the whole expression
 * (`MIN(SHAPE.fid) AS THE_MIN`); all are mapped back to the names asked for.
 */
export function parseStatistics(json: unknown, url: string, names: readonly string[]): Record<string, FeatureValue>[] {
  const set = parseFeatureSet(json, url);
  const byLower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const keyFor = new Map<string, string>();
  const rename = (key: string): string => {
    let out = keyFor.get(key);
    if (out === undefined) {
      const alias = /\s+AS\s+"?([^"\s]+)"?\s*$/i.exec(key)?.[1] ?? key;
      out = byLower.get(alias.toLowerCase()) ?? byLower.get(key.toLowerCase()) ?? key;
      keyFor.set(key, out);
    }
    return out;
  };
  return set.features.map((f) => {
    const row: Record<string, FeatureValue> = {};
    for (const [key, value] of Object.entries(f.attributes)) row[rename(key)] = value as FeatureValue;
    return row;
  });
}
