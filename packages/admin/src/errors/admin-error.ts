import { ArcGISRequestError, type ArcGISRequestErrorInit } from "@arcrest/core";

/**
 * The Administrator API answered `{status:"error", messages, code}` (or another error body).
 * `messages` are the server's own lines.
 */
export class AdminError extends ArcGISRequestError {
  override name = "AdminError";
  /** The server's messages, as sent. */
  readonly messages: string[];

  /** Builds the error from the request error the pipeline raised. */
  constructor(init: ArcGISRequestErrorInit & { messages?: string[] }) {
    super(init);
    this.messages = init.messages ?? init.details ?? [];
  }

  /** An AdminError carrying everything of a request error. */
  static from(error: ArcGISRequestError): AdminError {
    return new AdminError({
      message: error.message,
      code: error.code,
      messageCode: error.messageCode,
      details: error.details,
      httpStatus: error.httpStatus,
      response: error.response,
      url: error.url,
      method: error.method,
      cause: error,
    });
  }
}
