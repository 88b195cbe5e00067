import { ArcGISRequestError, type ArcGISRequestErrorInit } from "@arcrest/core";

/**
 * The portal did not share an item with some of the groups asked for (usually because the
 * user is not a member of them). Sharing with the other targets did happen.
 */
export class ItemShareError extends ArcGISRequestError {
  override name = "ItemShareError";
  /** The item. */
  readonly itemId: string;
  /** Group ids the item was not shared with. */
  readonly notSharedWith: string[];

  /** Builds the error from the share answer. */
  constructor(init: Omit<ArcGISRequestErrorInit, "message"> & { itemId: string; notSharedWith: string[] }) {
    super({ ...init, message: `Item ${init.itemId} was not shared with group(s) ${init.notSharedWith.join(", ")} (is the user a member?)` });
    this.itemId = init.itemId;
    this.notSharedWith = [...init.notSharedWith];
  }
}
