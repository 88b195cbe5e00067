import { checkAccess } from "../auth/guard.js";
import type { Route } from "../context.js";
import { folderOf, isStarted, publishedTypes } from "../data/lookup.js";
import { errorReply, jsonReply } from "../http/reply.js";
import { SERVER_VERSION } from "../metadata/version.js";
import { GEOCODE_SERVICES } from "./geocode.js";
import { pathAfter } from "./path-after.js";

/** `/arcgis/rest/services` and `/arcgis/rest/services/<folder>`: the services directory. */
export const directoryRoute: Route = (ctx) => {
  const rest = pathAfter(ctx, "arcgis", "rest", "services");
  if (!rest) return undefined;
  const { dataset } = ctx.state;
  const folderPath = rest.join("/");
  const folders = [...dataset.folders, ...geocodeFolders()];
  const folder = folderPath === "" ? "" : folders.find((f) => f.toLowerCase() === folderPath.toLowerCase());
  if (folder === undefined) return errorReply(404, "Folder not found", [], ctx.params);
  const secured = folder !== "" && dataset.securedFolders.some((f) => f.toLowerCase() === folder.toLowerCase());
  const refusal = checkAccess(ctx, secured);
  if (refusal) return refusal;

  const prefix = folder === "" ? "" : `${folder}/`;
  const subfolders = folders
    .filter((f) => f.toLowerCase().startsWith(prefix.toLowerCase()) && f.length > prefix.length && !f.slice(prefix.length).includes("/"))
    .map((f) => f.slice(prefix.length))
    .sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
  const services = dataset.services
    .filter((service) => isStarted(service) && folderOf(service).toLowerCase() === folder.toLowerCase())
    .flatMap((service) => publishedTypes(service).map((type) => ({ name: service.name, type })))
    .concat(GEOCODE_SERVICES.filter((name) => folderOfName(name).toLowerCase() === folder.toLowerCase()).map((name) => ({ name, type: "GeocodeServer" })));
  return jsonReply({ currentVersion: SERVER_VERSION, folders: subfolders, services }, ctx.params);
};

function folderOfName(name: string): string {
  return name.includes("/") ? name.slice(0, name.lastIndexOf("/")) : "";
}

/** Folders that hold the sample locators (listed beside the dataset's). */
function geocodeFolders(): string[] {
  return [...new Set(GEOCODE_SERVICES.map(folderOfName).filter((f) => f !== ""))];
}
