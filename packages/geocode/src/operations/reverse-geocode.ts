import { operationUrl, pointParam, send } from "../params.js";
import type { PointInput, ReverseGeocodeOptions, ReverseGeocodeResult } from "../types.js";

/**
 * The address at (or nearest to) a point.
 *
 * @param url - the GeocodeServer URL
 * @param point - `{ x, y, spatialReference? }` or `[x, y]` (WGS84 when no spatial reference is given)
 * @example
 * ```ts
 * const { address, location } = await reverseGeocode(url, [-117.195, 34.056]);
 * console.log(address.Match_addr, location);
 * ```
 */
export async function reverseGeocode(url: string, point: PointInput, options: ReverseGeocodeOptions = {}): Promise<ReverseGeocodeResult> {
  const { outSR, featureTypes, langCode } = options;
  const params = { location: pointParam(point, "point"), outSR, featureTypes, langCode };
  const json = await send<ReverseGeocodeResult>(operationUrl(url, "reverseGeocode"), params, options);
  return { address: json.address ?? {}, location: json.location };
}
