import { ArcGISAuthError, ArcGISNetworkError, ArcGISRequestError, ValidationError } from "@arcrest/core";

/** What a person reads when something goes wrong: what happened and what to do about it. */
export function messageFor(error: unknown, url: string): string {
  if (error instanceof ValidationError || error instanceof TypeError) {
    return `“${url}” is not a services directory URL. Enter one like https://host/arcgis/rest/services.`;
  }
  if (error instanceof ArcGISAuthError) {
    const code = error.code === 499 ? "499 Token Required" : error.code === 498 ? "498 Invalid Token" : `${error.code ?? "auth"}`;
    return `This server needs you to sign in (${code}): ${error.url}`;
  }
  if (error instanceof ArcGISNetworkError) return `Could not reach ${url}: check the address and that the server allows this page (CORS).`;
  if (error instanceof ArcGISRequestError) return `The server refused: ${error.message}`;
  if (error instanceof DOMException && error.name === "AbortError") return "Stopped.";
  return error instanceof Error ? error.message : String(error);
}
