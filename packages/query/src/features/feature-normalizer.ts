import type { Field } from "@arcrest/core";
import { createAttributeNormalizer } from "../normalize/attribute-normalizer.js";
import type { Feature, GeoFeature, NormalizeOptions } from "../types.js";

/** Normalises one raw feature in place (returns it for chaining). */
export type FeatureNormalizer<F> = (feature: F) => F;

function identity<F>(feature: F): F {
  return feature;
}

/**
 * The normaliser for Esri JSON features: attributes in the layer's terms (see
 * `createAttributeNormalizer`), paging-only fields stripped. With
 * `normalize: false` only the strip is applied.
 */
export function esriFeatureNormalizer(
  fields: readonly Field[],
  normalize: NormalizeOptions | false | undefined,
  strip: readonly string[],
): FeatureNormalizer<Feature> {
  if (normalize === false && strip.length === 0) return identity;
  const options: NormalizeOptions = normalize === false ? { dates: false, guids: false, fieldCase: false } : (normalize ?? {});
  const attrs = createAttributeNormalizer(normalize === false ? [] : fields, options, strip);
  return (feature) => {
    feature.attributes = attrs(feature.attributes as Record<string, unknown>);
    return feature;
  };
}

/** The same for GeoJSON features (their `properties`). */
export function geoFeatureNormalizer(
  fields: readonly Field[],
  normalize: NormalizeOptions | false | undefined,
  strip: readonly string[],
): FeatureNormalizer<GeoFeature> {
  if (normalize === false && strip.length === 0) return identity;
  const options: NormalizeOptions = normalize === false ? { dates: false, guids: false, fieldCase: false } : (normalize ?? {});
  const props = createAttributeNormalizer(normalize === false ? [] : fields, options, strip);
  return (feature) => {
    feature.properties = props((feature.properties ?? {}) as Record<string, unknown>);
    return feature;
  };
}
