/**
 * Service uploads (`<service>/uploads/...`): register an item, upload its parts, commit, inspect
 * and delete it; a one-shot `upload` too. Needs the `Uploads` capability.
 */
import {
  commitUpload,
  deleteUpload,
  editStateOf,
  findUpload,
  notSupportedReply,
  postOnlyReply,
  registerUpload,
  serviceAllows,
  unableReply,
  uploadItemJson,
  UploadError,
  uploadPart,
} from "../edits/index.js";
import { errorReply, jsonReply } from "../http/reply.js";
import { QueryError } from "../query/errors.js";
import { QueryParams } from "../query/params.js";
import type { ServiceRoute } from "./service-context.js";

/** Largest upload item in MB, as `uploads/info` reports it. */
const MAX_UPLOAD_MB = 64;

/** `<service>/uploads/...` of FeatureServer (and other) services with the Uploads capability. */
export const uploadsRoute: ServiceRoute = ({ ctx, service, rest }) => {
  if (rest.length === 0 || rest[0].toLowerCase() !== "uploads") return undefined;
  if (!serviceAllows(service, "Uploads")) return notSupportedReply(ctx.params);
  const state = editStateOf(ctx.state.dataset);
  const params = new QueryParams(ctx.params);
  const op = rest[1]?.toLowerCase();
  try {
    if (rest.length === 1) {
      const items = [...state.uploads.values()].filter((i) => i.service === service.name).map(uploadItemJson);
      return jsonReply({ items }, ctx.params);
    }
    if (rest.length === 2 && op === "info") return jsonReply({ maxUploadFileSize: MAX_UPLOAD_MB }, ctx.params);
    if (rest.length === 2 && op === "register") {
      if (ctx.method !== "POST") return postOnlyReply(ctx.params);
      const item = registerUpload(state, service.name, params.text("itemName"), params.text("description"));
      return jsonReply({ success: true, item: uploadItemJson(item) }, ctx.params);
    }
    if (rest.length === 2 && op === "upload") {
      if (ctx.method !== "POST") return postOnlyReply(ctx.params);
      const file = ctx.files.find((f) => f.field.toLowerCase() === "file");
      if (!file) throw new UploadError("'file' is required.");
      const item = registerUpload(state, service.name, file.filename || "upload", params.text("description"));
      uploadPart(item, 1, file.data);
      commitUpload(item, undefined);
      return jsonReply({ success: true, item: uploadItemJson(item) }, ctx.params);
    }
    const item = findUpload(state, service.name, rest[1]);
    if (!item) return errorReply(404, "Item does not exist or is inaccessible.", [], ctx.params);
    const action = rest[2]?.toLowerCase();
    if (rest.length === 2) return jsonReply(uploadItemJson(item), ctx.params);
    if (rest.length === 3 && action === "parts") return jsonReply({ parts: [...item.parts.keys()].sort((a, b) => a - b) }, ctx.params);
    if (rest.length !== 3) return undefined;
    if (ctx.method !== "POST") return postOnlyReply(ctx.params);
    switch (action) {
      case "uploadpart": {
        const file = ctx.files.find((f) => ["file", "partfile"].includes(f.field.toLowerCase()));
        if (!file) throw new UploadError("'file' is required.");
        const partId = params.int("partId") ?? params.int("partNumber");
        if (partId === undefined) throw new UploadError("'partId' is required.");
        uploadPart(item, partId, file.data);
        return jsonReply({ success: true, item: uploadItemJson(item) }, ctx.params);
      }
      case "commit": {
        const parts = params.list("parts")?.map((p) => Number(p.replace(/"/g, "").split(".").pop()));
        commitUpload(item, parts);
        return jsonReply({ success: true, item: uploadItemJson(item) }, ctx.params);
      }
      case "delete":
        deleteUpload(state, item);
        return jsonReply({ success: true }, ctx.params);
      default:
        return undefined;
    }
  } catch (error) {
    if (error instanceof UploadError) return unableReply([error.message], ctx.params);
    if (error instanceof QueryError) return jsonReply(error.toBody(), ctx.params);
    throw error;
  }
};
