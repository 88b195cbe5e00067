import type { CallOptions } from "@arcrest/core";
import { folderId } from "./folder-id.js";
import { deleteItem } from "./operations/delete-item.js";
import { getItem } from "./operations/get-item.js";
import { getItemData } from "./operations/get-item-data.js";
import { getItemResources } from "./operations/get-item-resources.js";
import { moveItem } from "./operations/move-item.js";
import { shareItem } from "./operations/share-item.js";
import { updateItem } from "./operations/update-item.js";
import type { PortalContext } from "./portal-context.js";
import type { ItemResource, ItemUpdate, ListOptions, PortalItemInfo, ShareResult, ShareTargets } from "./types.js";

/**
 * An item of a portal: its description and what you can do with it. Get one from
 * {@link Portal.item}, {@link Portal.searchItems}, {@link Portal.addItem} or {@link PortalGroup.content}.
 *
 * @example
 * ```ts
 * const item = await portal.item("e0381a3741bad9d6624d22ff96880e27");
 * await item.update({ snippet: "Checked" });
 * await item.share({ org: true });
 * ```
 */
export class PortalItem {
  /** The item's JSON (refreshed by {@link PortalItem.update} and {@link PortalItem.move}). */
  info: PortalItemInfo;
  readonly #context: PortalContext;

  /**
   * @param context - the portal (sharing API URL and session)
   * @param info - the item JSON
   */
  constructor(context: PortalContext, info: PortalItemInfo) {
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
  /** Item type, e.g. `Feature Service`. */
  get type(): string {
    return this.info.type;
  }
  /** Service URL of service items, else `null`. */
  get url(): string | null {
    return this.info.url ?? null;
  }
  /** Owner's username. */
  get owner(): string {
    return this.info.owner;
  }
  /** `private`, `shared`, `org` or `public`. */
  get access(): string {
    return this.info.access;
  }

  #call(options: CallOptions): CallOptions & { owner: string } {
    return { session: options.session ?? this.#context.session, signal: options.signal, owner: this.info.owner };
  }

  /** The item's data: parsed JSON, text, a Blob, or `undefined` when it has none. */
  data(options: CallOptions = {}): Promise<unknown> {
    return getItemData(this.#context.restUrl, this.id, this.#call(options));
  }

  /** Every file stored with the item. */
  async resources(options: ListOptions = {}): Promise<ItemResource[]> {
    const all: ItemResource[] = [];
    for await (const resource of getItemResources(this.#context.restUrl, this.id, { ...options, ...this.#call(options) })) all.push(resource);
    return all;
  }

  /** Changes title, tags, snippet, description, url or data, then reloads the item. */
  async update(changes: ItemUpdate, options: CallOptions = {}): Promise<this> {
    await updateItem(this.#context.restUrl, this.id, changes, this.#call(options));
    return this.refresh(options);
  }

  /** Deletes the item. */
  async delete(options: CallOptions = {}): Promise<void> {
    await deleteItem(this.#context.restUrl, this.id, this.#call(options));
  }

  /**
   * Shares the item with everyone, the organisation and/or groups.
   * @throws {@link ItemShareError} when some groups were refused (the user is not a member).
   */
  async share(targets: ShareTargets, options: CallOptions = {}): Promise<ShareResult> {
    const result = await shareItem(this.#context.restUrl, this.id, targets, this.#call(options));
    await this.refresh(options);
    return result;
  }

  /** Moves the item to a folder of its owner, by title or id (`"/"`: the root folder). */
  async move(folder: string, options: CallOptions = {}): Promise<this> {
    const call = this.#call(options);
    await moveItem(this.#context.restUrl, this.id, await folderId(this.#context, this.owner, folder, call), call);
    return this.refresh(options);
  }

  /** Reloads the item's JSON. */
  async refresh(options: CallOptions = {}): Promise<this> {
    this.info = await getItem(this.#context.restUrl, this.id, this.#call(options));
    return this;
  }
}
