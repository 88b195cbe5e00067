import { getGroupContent } from "./operations/get-group-content.js";
import type { PortalContext } from "./portal-context.js";
import { PortalItem } from "./portal-item.js";
import type { ListOptions, PortalGroupInfo } from "./types.js";

/**
 * A group of a portal. Get one from {@link Portal.group} or {@link Portal.searchGroups}.
 *
 * @example
 * ```ts
 * const group = await portal.group(groupId);
 * for await (const item of group.content()) console.log(item.title);
 * ```
 */
export class PortalGroup {
  /** The group's JSON. */
  readonly info: PortalGroupInfo;
  readonly #context: PortalContext;

  /**
   * @param context - the portal (sharing API URL and session)
   * @param info - the group JSON
   */
  constructor(context: PortalContext, info: PortalGroupInfo) {
    this.#context = context;
    this.info = info;
  }

  /** 32 hex characters. */
  get id(): string {
    return this.info.id;
  }
  /** Title. */
  get title(): string {
    return this.info.title;
  }
  /** Owner's username. */
  get owner(): string {
    return this.info.owner;
  }

  /** Every item shared with the group that you may see, page by page (a `break` stops the requests). */
  async *content(options: ListOptions = {}): AsyncGenerator<PortalItem> {
    const session = options.session ?? this.#context.session;
    for await (const info of getGroupContent(this.#context.restUrl, this.id, { ...options, session })) {
      yield new PortalItem(this.#context, info);
    }
  }
}
