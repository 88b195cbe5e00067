import type { Route } from "../context.js";
import { findAddressCandidates, geocodeAddresses, reverseGeocode, suggest, type GeocodeAnswer } from "../geocode/operations.js";
import { LOCATOR_NAME, locatorInfo } from "../geocode/locator.js";
import { errorReply, jsonReply } from "../http/reply.js";
import { pathAfter } from "./path-after.js";

/** A locator without batch support (no MaxBatchSize), as older or single-address locators are. */
export const NO_BATCH_LOCATOR_NAME = "Locators/SingleLocator";

const OPERATIONS: Record<string, (params: Record<string, string>) => GeocodeAnswer> = {
  findaddresscandidates: findAddressCandidates,
  suggest,
  reversegeocode: reverseGeocode,
  geocodeaddresses: geocodeAddresses,
};

/** The GeocodeServer services this server publishes, for the services directory. */
export const GEOCODE_SERVICES = [LOCATOR_NAME, NO_BATCH_LOCATOR_NAME];

function info(batch: boolean) {
  const json = locatorInfo();
  if (batch) return json;
  const { MaxBatchSize: _max, SuggestedBatchSize: _suggested, ...rest } = json.locatorProperties;
  return { ...json, locatorProperties: rest };
}

/** `/arcgis/rest/services/Locators/<name>/GeocodeServer[/<operation>]`: the sample locators. */
export const geocodeRoute: Route = (ctx) => {
  const rest = pathAfter(ctx, "arcgis", "rest", "services");
  if (!rest || rest.length < 3 || rest[2].toLowerCase() !== "geocodeserver") return undefined;
  const name = `${rest[0]}/${rest[1]}`.toLowerCase();
  const batch = name === LOCATOR_NAME.toLowerCase();
  if (!batch && name !== NO_BATCH_LOCATOR_NAME.toLowerCase()) return undefined;
  if (rest.length === 3) return jsonReply(info(batch), ctx.params);
  const op = rest.length === 4 ? OPERATIONS[rest[3].toLowerCase()] : undefined;
  if (!op || (!batch && rest[3].toLowerCase() === "geocodeaddresses")) {
    return errorReply(400, "Unable to complete operation.", [`Operation '${rest.slice(3).join("/")}' is not supported by this service.`], ctx.params);
  }
  const answer = op(ctx.params);
  return "json" in answer ? jsonReply(answer.json, ctx.params) : errorReply(...answer.error, ctx.params);
};
