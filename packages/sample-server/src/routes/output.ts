import type { Route } from "../context.js";
import { bytesReply, errorReply } from "../http/reply.js";
import { pathAfter } from "./path-after.js";

/** `/arcgis/rest/directories/arcgisoutput/<name>`: generated files such as exported map images. */
export const outputRoute: Route = (ctx) => {
  const rest = pathAfter(ctx, "arcgis", "rest", "directories", "arcgisoutput");
  if (!rest) return undefined;
  const output = rest.length > 0 ? ctx.state.outputs.get(rest.join("/")) : undefined;
  if (!output) return errorReply(404, "File not found", [], ctx.params);
  return bytesReply(output.data, output.contentType);
};
