import { ArcGISRequestError, type ArcGISRequestErrorInit } from "@arcrest/core";

/** The portal has no item with this id, or the signed-in user may not see it (`CONT_0001`). */
export class ItemNotFoundError extends ArcGISRequestError {
  override name = "ItemNotFoundError";
  /** The id asked for. */
  readonly itemId: string;

  /** Builds the error for `itemId` from the portal's answer. */
  constructor(init: ArcGISRequestErrorInit & { itemId: string }) {
    super(init);
    this.itemId = init.itemId;
  }

  /** The portal's error, as an ItemNotFoundError when it says the item does not exist; else unchanged. */
  static from(error: unknown, itemId: string): unknown {
    if (!(error instanceof ArcGISRequestError) || error instanceof ItemNotFoundError) return error;
    const missing = error.messageCode === "CONT_0001" || (error.code === 400 && /does not exist|inaccessible/i.test(error.message));
    if (!missing) return error;
    return new ItemNotFoundError({
      message: `Item ${itemId} does not exist or is inaccessible`,
      code: error.code,
      messageCode: error.messageCode,
      details: error.details,
      httpStatus: error.httpStatus,
      response: error.response,
      url: error.url,
      method: error.method,
      cause: error,
      itemId,
    });
  }
}
