import { findLayer } from "../data/lookup.js";
import { jsonReply, type Reply } from "../http/reply.js";
import { executeAttachmentQuery, executeQuery, executeRelatedQuery, type QueryOutcome } from "../query/index.js";
import { invalidLayerReply } from "./layer-errors.js";
import type { ServiceRoute } from "./service-context.js";

/** `<service>/<id>/query`, `/queryRelatedRecords` and `/queryAttachments`, answered by the query engine. */
export const queryRoute: ServiceRoute = async ({ ctx, service, serviceType, rest, serviceUrl }) => {
  if (rest.length !== 2 || !/^\d+$/.test(rest[0])) return undefined;
  if (serviceType !== "MapServer" && serviceType !== "FeatureServer") return undefined;
  const operation = rest[1].toLowerCase();
  if (operation !== "query" && operation !== "queryrelatedrecords" && operation !== "queryattachments") return undefined;
  const layer = findLayer(service, rest[0]);
  if (!layer) return invalidLayerReply(rest[0], ctx.params);
  const outcome =
    operation === "query"
      ? executeQuery(layer, ctx.params)
      : operation === "queryrelatedrecords"
        ? executeRelatedQuery(service, layer, ctx.params)
        : executeAttachmentQuery(layer, ctx.params, { layerUrl: `${serviceUrl}/${rest[0]}` });
  // The engine reports what a deep resultOffset would cost a database; charge it when asked to.
  if (ctx.state.offsetCost && outcome.delayMs) await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
  return outcomeReply(outcome, ctx.params);
};

function outcomeReply(outcome: QueryOutcome, params: Record<string, string>): Reply {
  if (outcome.contentType) {
    const body = typeof outcome.body === "string" ? outcome.body : JSON.stringify(outcome.body);
    return { status: outcome.status, headers: { "content-type": outcome.contentType }, body };
  }
  return jsonReply(outcome.body, params, outcome.status);
}
