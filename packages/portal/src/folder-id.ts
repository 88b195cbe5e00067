import { ValidationError, type CallOptions } from "@arcrest/core";
import { getUserContent } from "./operations/get-user-content.js";
import type { PortalContext } from "./portal-context.js";

const HEX_ID = /^[0-9a-f]{32}$/i;

/**
 * The id of `owner`'s folder `folder`: an id is used as is, `"/"` (or `""`) is the root folder,
 * a title is looked up (case-insensitively) in the owner's folders.
 * @throws `ValidationError` when no folder has that title.
 */
export async function folderId(context: PortalContext, owner: string, folder: string, options: CallOptions = {}): Promise<string> {
  if (typeof folder !== "string") throw new ValidationError("folder", "must be a folder title, a folder id or \"/\"");
  if (folder === "/" || folder === "") return "/";
  if (HEX_ID.test(folder)) return folder;
  const { folders } = await getUserContent(context.restUrl, owner, { session: context.session, signal: options.signal, num: 0 });
  const found = (folders ?? []).find((f) => f.title.toLowerCase() === folder.toLowerCase());
  if (!found) throw new ValidationError("folder", `${owner} has no folder "${folder}"`);
  return found.id;
}
