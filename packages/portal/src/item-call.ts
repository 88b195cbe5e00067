import type { CallOptions } from "@arcrest/core";

/** Options of the operations on one item of a user's content (update, delete, share, move). */
export interface ItemCallOptions extends CallOptions {
  /** The item's owner (from its `owner`). */
  owner: string;
}
