import { ArcGISRequestError } from "@arcrest/core";

/** True for a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The error for an answer that is valid JSON but not the shape the operation returns. */
export function unexpectedResponse(url: string, what: string, response: unknown): ArcGISRequestError {
  return new ArcGISRequestError({ message: `Unexpected response from ${url}: expected ${what}`, url, response });
}
