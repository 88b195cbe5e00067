import type { SpatialReference } from "@arcrest/core";
import { send } from "../params.js";
import type { LocatorInfo } from "../types.js";
import type { CallOptions } from "@arcrest/core";

interface Raw {
  singleLineAddressField?: { name?: string };
  addressFields?: Array<{ name?: string }>;
  locatorProperties?: { MaxBatchSize?: number | string; SuggestedBatchSize?: number | string };
  spatialReference?: SpatialReference;
}

function positive(value: number | string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * Loads what a GeocodeServer says about itself: its address fields and batch limits.
 *
 * @param url - the GeocodeServer URL
 * @example
 * ```ts
 * const { maxBatchSize, addressFields } = await fetchLocatorInfo(url);
 * ```
 */
export async function fetchLocatorInfo(url: string, options: CallOptions = {}): Promise<LocatorInfo> {
  const json = await send<Raw>(url.replace(/[?#].*$/, "").replace(/\/+$/, ""), {}, options);
  const props = json.locatorProperties ?? {};
  return {
    singleLineAddressField: json.singleLineAddressField?.name,
    addressFields: (json.addressFields ?? []).flatMap((f) => (f.name ? [f.name] : [])),
    maxBatchSize: positive(props.MaxBatchSize),
    suggestedBatchSize: positive(props.SuggestedBatchSize),
    spatialReference: json.spatialReference,
  };
}
