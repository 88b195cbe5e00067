import { ValidationError, request } from "@arcrest/core";
import { ItemNotFoundError } from "../errors/item-not-found-error.js";
import { ItemShareError } from "../errors/item-share-error.js";
import type { ItemCallOptions } from "../item-call.js";
import type { ShareResult, ShareTargets } from "../types.js";
import { checkId, checkName } from "../validate.js";

/**
 * `content/users/<owner>/items/<id>/share`: shares an item with everyone, the organisation and/or groups.
 * @throws `ValidationError` for a bad item or group id, or no target; {@link ItemNotFoundError} for an
 *   unknown item; {@link ItemShareError} when the portal did not share with some groups (not a member).
 *
 * @example
 * ```ts
 * await shareItem(restUrl, id, { org: true, groups: [groupId] }, { owner: "jsmith", session });
 * ```
 */
export async function shareItem(restUrl: string, id: string, targets: ShareTargets, options: ItemCallOptions): Promise<ShareResult> {
  checkId(id);
  const owner = checkName(options?.owner, "owner");
  const groups = (targets?.groups ?? []).map((g, i) => checkId(g, `groups[${i}]`));
  if (targets?.everyone === undefined && targets?.org === undefined && groups.length === 0) {
    throw new ValidationError("targets", "give everyone, org or groups");
  }
  const url = `${restUrl}/content/users/${encodeURIComponent(owner)}/items/${id}/share`;
  let answer: ShareResult;
  try {
    answer = await request<ShareResult>(url, {
      session: options.session,
      signal: options.signal,
      httpMethod: "POST",
      kind: "write",
      params: { everyone: targets.everyone, org: targets.org, groups: groups.length > 0 ? groups.join(",") : undefined },
    });
  } catch (error) {
    throw ItemNotFoundError.from(error, id);
  }
  const notSharedWith = Array.isArray(answer?.notSharedWith) ? answer.notSharedWith : [];
  if (notSharedWith.length > 0) throw new ItemShareError({ itemId: id, notSharedWith, url, method: "POST", response: answer });
  return { itemId: answer.itemId ?? id, notSharedWith };
}
