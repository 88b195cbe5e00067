import { checkAccess } from "../auth/guard.js";
import type { Route } from "../context.js";
import { folderOf, isStarted, publishedTypes } from "../data/lookup.js";
import { errorReply, jsonReply } from "../http/reply.js";
import { SERVER_VERSION } from "../metadata/version.js";
import { pathAfter } from "./path-after.js";

/** `/arcgis/rest/services` and `/arcgis/rest/services/<folder>`: the services directory. */
export const directoryRoute: Route = (ctx) => {
  const rest = pathAfter(ctx, "arcgis", "rest", "services");
  if (!rest) return undefined;
  const { dataset } = ctx.state;
  const folderPath = rest.join("/");
  const folder = folderPath === "" ? "" : dataset.folders.find((f) => f.toLowerCase() === folderPath.toLowerCase());
  if (folder === undefined) return errorReply(404, "Folder not found", [], ctx.params);
  const secured = folder !== "" && dataset.securedFolders.some((f) => f.toLowerCase() === folder.toLowerCase());
  const refusal = checkAccess(ctx, secured);
  if (refusal) return refusal;

  const prefix = folder === "" ? "" : `${folder}/`;
  const subfolders = dataset.folders
    .filter((f) => f.toLowerCase().startsWith(prefix.toLowerCase()) && f.length > prefix.length && !f.slice(prefix.length).includes("/"))
    .map((f) => f.slice(prefix.length));
  const services = dataset.services
    .filter((service) => isStarted(service) && folderOf(service).toLowerCase() === folder.toLowerCase())
    .flatMap((service) => publishedTypes(service).map((type) => ({ name: service.name, type })));
  return jsonReply({ currentVersion: SERVER_VERSION, folders: subfolders, services }, ctx.params);
};
