import { ArcGISAuthError, ArcGISRequestError, ValidationError } from "@arcrest/core";
import type { EditErrorInfo } from "./types.js";

/**
 * How a failed edit request ended:
 * - `refused`: the server answered with an ArcGIS error body; nothing of the request was applied.
 * - `auth`: credentials were refused; nothing was applied, and later requests would fail the same way.
 * - `lost`: no usable answer (timeout, cut connection, gateway or HTTP error): the server may
 *   or may not have applied the request.
 */
export type RequestOutcome = { kind: "refused" | "auth" | "lost"; error: EditErrorInfo };

function describe(error: ArcGISRequestError): string {
  const details = error.details.filter((d) => d && d !== error.message);
  return details.length > 0 ? `${error.message} (${details.join("; ")})` : error.message;
}

/** Classifies what a failed edit request threw. Programming errors (bad input) are rethrown. */
export function classifyFailure(error: unknown): RequestOutcome {
  if (error instanceof ValidationError) throw error;
  if (error instanceof ArcGISAuthError) return { kind: "auth", error: { code: error.code, description: describe(error) } };
  if (error instanceof ArcGISRequestError) {
    const body = error.response;
    const isErrorBody = typeof body === "object" && body !== null && "error" in body;
    // An ArcGIS error body in a 200 answer: the server processed the request and refused it.
    if (isErrorBody && (error.httpStatus === undefined || error.httpStatus === 200)) {
      return { kind: "refused", error: { code: error.code, description: describe(error) } };
    }
    return { kind: "lost", error: { code: error.code ?? error.httpStatus, description: describe(error) } };
  }
  return { kind: "lost", error: { code: undefined, description: error instanceof Error ? error.message : String(error) } };
}
