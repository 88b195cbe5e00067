import { ValidationError } from "@arcrest/core";
import { operationUrl, pointParam, send } from "../params.js";
import type { Suggestion, SuggestOptions } from "../types.js";

/**
 * Completions of partly typed text, each with a `magicKey` for {@link findAddressCandidates}.
 *
 * @param url - the GeocodeServer URL
 * @example
 * ```ts
 * const [first] = await suggest(url, "380 New Yo");
 * const [place] = await findAddressCandidates(url, first.text, { magicKey: first.magicKey });
 * ```
 */
export async function suggest(url: string, text: string, options: SuggestOptions = {}): Promise<Suggestion[]> {
  if (typeof text !== "string" || text.trim() === "") throw new ValidationError("text", "must not be empty");
  const { maxSuggestions, location, category } = options;
  const params = { text, maxSuggestions, category, location: location === undefined ? undefined : pointParam(location, "location") };
  const json = await send<{ suggestions?: Suggestion[] }>(operationUrl(url, "suggest"), params, options);
  return (json.suggestions ?? []).map(({ text, magicKey, isCollection }) => ({ text, magicKey, isCollection: isCollection === true }));
}
