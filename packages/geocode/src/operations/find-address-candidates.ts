import { ValidationError } from "@arcrest/core";
import { addressParams, operationUrl, pointParam, send, toCandidate } from "../params.js";
import type { AddressInput, Candidate, FindAddressCandidatesOptions } from "../types.js";

interface Answer {
  spatialReference?: unknown;
  candidates?: Parameters<typeof toCandidate>[0][];
}

/**
 * Finds the candidates of one address, best first.
 *
 * @param url - the GeocodeServer URL
 * @param address - one line of text, or address field values (`{ Address, City, Region, Postal }`)
 * @example
 * ```ts
 * const [best] = await findAddressCandidates(url, "380 New York St, Redlands, CA", { outFields: "*" });
 * console.log(best.address, best.score, best.location);
 * ```
 */
export async function findAddressCandidates(url: string, address: AddressInput, options: FindAddressCandidatesOptions = {}): Promise<Candidate[]> {
  const { outFields, outSR, maxLocations, searchExtent, location, distance, category, magicKey, forStorage } = options;
  if (maxLocations !== undefined && !(Number.isInteger(maxLocations) && maxLocations > 0)) {
    throw new ValidationError("maxLocations", "must be a positive integer");
  }
  const params = {
    ...addressParams(address, "address"),
    outFields,
    outSR,
    maxLocations,
    searchExtent,
    location: location === undefined ? undefined : pointParam(location, "location"),
    distance,
    category,
    magicKey,
    forStorage,
  };
  const json = await send<Answer>(operationUrl(url, "findAddressCandidates"), params, options);
  return (json.candidates ?? []).flatMap((c) => toCandidate(c, json.spatialReference) ?? []);
}
