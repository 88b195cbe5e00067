import { type CallOptions, ValidationError } from "@arcrest/core";
import type { AdminStatus } from "./admin-request.js";
import { findDataItems } from "./operations/find-data-items.js";
import { getDataRootItems } from "./operations/get-data-root-items.js";
import { registerDataItem } from "./operations/register-data-item.js";
import { unregisterDataItem } from "./operations/unregister-data-item.js";
import { validateDataItem } from "./operations/validate-data-item.js";
import { name } from "./role-store.js";
import type { DataItem } from "./types.js";

/** The site's data store (`/admin/data`). */
export class DataStore {
  readonly #adminUrl: string;
  readonly #call: CallOptions;

  /** Use `admin.dataStore`. */
  constructor(adminUrl: string, call: CallOptions) {
    this.#adminUrl = adminUrl;
    this.#call = call;
  }

  /** Every registered item, root by root. */
  async *items(options: { signal?: AbortSignal } = {}): AsyncGenerator<DataItem, void, undefined> {
    const { rootItems } = await getDataRootItems(this.#adminUrl, { ...this.#call, ...options });
    for (const parentPath of rootItems) yield* await this.findItems(parentPath, options);
  }

  /** Items registered under `parentPath` (e.g. "/fileShares"), optionally of some types. */
  async findItems(parentPath: string, options: { types?: string[]; signal?: AbortSignal } = {}): Promise<DataItem[]> {
    return (await findDataItems(this.#adminUrl, { ...this.#call, ...options, parentPath: name(parentPath, "parentPath") })).items;
  }

  /** Validates an item's connection. */
  async validate(item: DataItem, options: { signal?: AbortSignal } = {}): Promise<AdminStatus> {
    return validateDataItem(this.#adminUrl, { ...this.#call, ...options, item: checkItem(item) });
  }

  /** Registers an item. */
  async register(item: DataItem, options: { signal?: AbortSignal } = {}): Promise<DataItem & AdminStatus> {
    return registerDataItem(this.#adminUrl, { ...this.#call, ...options, item: checkItem(item) });
  }

  /** Unregisters the item at `itemPath`. */
  async unregister(itemPath: string, options: { signal?: AbortSignal } = {}): Promise<void> {
    await unregisterDataItem(this.#adminUrl, { ...this.#call, ...options, itemPath: name(itemPath, "itemPath") });
  }
}

function checkItem(item: DataItem): DataItem {
  if (typeof item !== "object" || item === null) throw new ValidationError("item", "must be a data item { path, type, info }");
  name(item.path, "item.path");
  name(item.type, "item.type");
  return item;
}
