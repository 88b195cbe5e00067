import { ArcGISRequestError, type ArcGISRequestErrorInit } from "./arcgis-request-error.js";

/** An attempt got no complete answer within the per-attempt timeout. */
export class ArcGISTimeoutError extends ArcGISRequestError {
  override name = "ArcGISTimeoutError";
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  /** Builds the error for a timeout of `timeoutMs`. */
  constructor(init: ArcGISRequestErrorInit & { timeoutMs: number }) {
    super(init);
    this.timeoutMs = init.timeoutMs;
  }
}
