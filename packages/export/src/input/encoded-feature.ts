import type { ExportFeature } from "../types.js";

/** Key of the text a worker already encoded for a feature (its writer's exact output for it). */
export const ENCODED = Symbol("arcrest.export.encoded");

/** Key of the object id of an encoded feature. */
export const ENCODED_OID = Symbol("arcrest.export.encodedOid");

/** A feature whose output text a worker made: writers emit `[ENCODED]` instead of encoding it again. */
export interface EncodedFeature extends ExportFeature {
  [ENCODED]: string;
  [ENCODED_OID]: number | undefined;
}

/** The text already encoded for `feature`, if a worker made it. */
export function encodedText(feature: ExportFeature): string | undefined {
  return (feature as Partial<EncodedFeature>)[ENCODED];
}

/** A feature standing for its encoded text. */
export function encodedFeature(text: string, oid: number | undefined): EncodedFeature {
  return { attributes: {}, geometry: null, [ENCODED]: text, [ENCODED_OID]: oid } as EncodedFeature;
}
