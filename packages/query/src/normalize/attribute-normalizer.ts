import type { Field } from "@arcrest/core";
import type { FeatureValue, NormalizeOptions } from "../types.js";
import { normalizeGuid } from "./guid.js";
import { codedValueTable } from "./coded-values.js";

/** Rewrites one attribute object in the layer's terms. Returns the object to use (may be the same one). */
export type AttributeNormalizer = (attributes: Record<string, unknown>) => Record<string, FeatureValue>;

type Convert = (value: unknown) => FeatureValue;

/** What to do with one server key: `null` = keep as is. */
interface KeyPlan {
  /** The key in the output (layer case). */
  name: string;
  /** Value conversion, if any. */
  convert?: Convert;
  /** Drop the key from the output. */
  drop?: boolean;
}

const DATE_TYPES = new Set(["esriFieldTypeDate"]);
const GUID_TYPES = new Set(["esriFieldTypeGlobalID", "esriFieldTypeGUID"]);

const toDate: Convert = (value) => (typeof value === "number" ? new Date(value) : (value as FeatureValue));

/**
 * Builds the per-layer attribute normaliser: keys renamed to the layer's field
 * case, dates as `Date`, GUIDs as `{UPPER}`, optionally coded values decoded,
 * and paging-only fields stripped. The plan for each key is computed once and
 * cached, so the per-feature cost is a map lookup per key; when nothing needs
 * renaming or dropping the object is updated in place instead of copied.
 */
export function createAttributeNormalizer(
  fields: readonly Field[],
  options: NormalizeOptions = {},
  strip: readonly string[] = [],
): AttributeNormalizer {
  const byLower = new Map(fields.map((f) => [f.name.toLowerCase(), f]));
  const stripLower = new Set(strip.map((s) => s.toLowerCase()));
  const domains = options.decodeDomains ? codedValueTable(fields) : undefined;
  const plans = new Map<string, KeyPlan | null>();

  const planFor = (key: string): KeyPlan | null => {
    const lower = key.toLowerCase();
    if (stripLower.has(lower)) return { name: key, drop: true };
    const field = byLower.get(lower);
    if (!field) return null;
    const name = options.fieldCase === false ? key : field.name;
    const steps: Convert[] = [];
    const names = domains?.get(field.name);
    if (names) {
      steps.push((v) => (v === null || v === undefined ? null : (names.get(v as string | number) ?? (v as FeatureValue))));
    } else if (DATE_TYPES.has(field.type) && options.dates !== false) {
      steps.push(toDate);
    } else if (GUID_TYPES.has(field.type) && options.guids !== false) {
      steps.push((v) => normalizeGuid(v) as FeatureValue);
    }
    if (name === key && steps.length === 0) return null;
    return { name, ...(steps.length > 0 ? { convert: steps[0] } : {}) };
  };

  const cachedPlan = (key: string): KeyPlan | null => {
    let plan = plans.get(key);
    if (plan === undefined) {
      plan = planFor(key);
      plans.set(key, plan);
    }
    return plan;
  };

  /** Copies into a new object once a key must be renamed or dropped; the first `converted` keys are already converted in place. */
  const reshape = (attributes: Record<string, unknown>, converted: number): Record<string, FeatureValue> => {
    const out: Record<string, FeatureValue> = {};
    let i = 0;
    for (const key in attributes) {
      const plan = i++ < converted ? null : cachedPlan(key);
      if (plan === null) {
        out[key] = attributes[key] as FeatureValue;
      } else if (!plan.drop) {
        out[plan.name] = plan.convert ? plan.convert(attributes[key]) : (attributes[key] as FeatureValue);
      }
    }
    return out;
  };

  // One pass, converting in place, until a key turns out to need renaming or dropping (rare).
  return (attributes) => {
    let converted = 0;
    for (const key in attributes) {
      const plan = cachedPlan(key);
      if (plan !== null) {
        if (plan.drop || plan.name !== key) return reshape(attributes, converted);
        if (plan.convert) attributes[key] = plan.convert(attributes[key]);
      }
      converted++;
    }
    return attributes as Record<string, FeatureValue>;
  };
}
