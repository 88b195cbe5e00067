import { checkAccess } from "../auth/guard.js";
import type { Route } from "../context.js";
import { bytesReply, errorReply, jsonReply, type Reply } from "../http/reply.js";
import { findImageService, hasImageCapability, type SampleImageService } from "../image-server/catalog.js";
import { exportImage } from "../image-server/export-image.js";
import { IMAGE_SR, imageServiceInfoJson } from "../image-server/info.js";
import { BadRequest } from "../image-server/params.js";
import { computeHistograms, computeStatisticsHistograms, getSamples, identify } from "../image-server/pixel-queries.js";
import { pathAfter } from "./path-after.js";

type Operation = (service: SampleImageService, params: Record<string, string>) => Record<string, unknown>;

const PIXEL_OPERATIONS: Record<string, Operation> = {
  identify,
  getsamples: getSamples,
  computehistograms: computeHistograms,
  computestatisticshistograms: computeStatisticsHistograms,
};

/**
 * `/arcgis/rest/services/<folder>/<name>/ImageServer[/<operation>]`: service info, exportImage (TIFF bytes,
 * PNG, or f=json with an href), identify, getSamples, computeHistograms, computeStatisticsHistograms.
 */
export const imageServerRoute: Route = (ctx) => {
  const rest = pathAfter(ctx, "arcgis", "rest", "services");
  if (!rest) return undefined;
  const typeIndex = rest.findIndex((s) => s.toLowerCase() === "imageserver");
  if (typeIndex < 1) return undefined;
  const service = findImageService(rest.slice(0, typeIndex).join("/"));
  if (!service) return undefined; // the services route answers "Service not found"
  const refusal = checkAccess(ctx, false);
  if (refusal) return refusal;
  const operation = rest.slice(typeIndex + 1).join("/").toLowerCase();
  if (operation === "") return jsonReply(imageServiceInfoJson(service), ctx.params);
  const run = operation === "exportimage" ? undefined : PIXEL_OPERATIONS[operation];
  if (operation !== "exportimage" && !run) return errorReply(400, "Requested operation is not supported by this service.", [], ctx.params);
  if (!hasImageCapability(service)) return errorReply(400, "Requested operation is not supported by this service.", ["The Image capability is not enabled."], ctx.params);
  try {
    return run ? jsonReply(run(service, ctx.params), ctx.params) : exportReply(ctx.params, service, ctx.state.baseUrl, ctx.state.outputs);
  } catch (error) {
    if (error instanceof BadRequest) return errorReply(400, "Unable to complete operation.", [error.message], ctx.params);
    throw error;
  }
};

function exportReply(params: Record<string, string>, service: SampleImageService, baseUrl: string, outputs: { put(prefix: string, ext: string, o: { data: Uint8Array; contentType: string }): string }): Reply {
  const image = exportImage(service, params);
  const f = (params.f ?? "html").toLowerCase();
  if (f === "image" && service.exportAnswer !== "json") return bytesReply(image.data, image.contentType);
  const name = outputs.put(`${service.name.replace(/\//g, "_")}_ImageServer/_ags`, image.extension, { data: image.data, contentType: image.contentType });
  return jsonReply(
    {
      href: `${baseUrl}/arcgis/rest/directories/arcgisoutput/${name}`,
      width: image.width,
      height: image.height,
      extent: { ...image.box, spatialReference: IMAGE_SR },
      scale: 0,
    },
    params,
  );
};
