import { ArcGISAuthError, ArcGISRequestError, type CallOptions, type ParamValue, request, ValidationError } from "@arcrest/core";
import { AdminError } from "./errors/admin-error.js";

/** Checks an Administrator API URL (`https://host/arcgis/admin`) and returns it without a trailing slash. */
export function adminBase(adminUrl: string): string {
  if (typeof adminUrl !== "string" || !/^https?:\/\/[^/]+\/.*admin\/?$/i.test(adminUrl)) {
    throw new ValidationError("adminUrl", `must be an ArcGIS Server admin URL such as https://host/arcgis/admin, got "${String(adminUrl).slice(0, 200)}"`);
  }
  return adminUrl.replace(/\/+$/, "");
}

/** Joins path segments under the admin URL, encoding each. */
export function adminUrlOf(adminUrl: string, ...segments: string[]): string {
  const parts = segments.flatMap((s) => s.split("/")).filter((s) => s !== "").map(encodeURIComponent);
  return [adminBase(adminUrl), ...parts].join("/");
}

/**
 * Sends one Administrator API request through core's pipeline (session token in the body, never
 * the URL) and turns error bodies into {@link AdminError}s; auth failures stay `ArcGISAuthError`.
 */
export async function adminRequest<T>(url: string, params: Record<string, ParamValue>, options: CallOptions & { write?: boolean }): Promise<T> {
  try {
    return await request<T>(url, {
      params,
      session: options.session,
      signal: options.signal,
      httpMethod: "POST",
      kind: options.write ? "write" : "read",
    });
  } catch (error) {
    if (error instanceof ArcGISRequestError && !(error instanceof ArcGISAuthError) && !(error instanceof AdminError)) throw AdminError.from(error);
    throw error;
  }
}

/** The shape of the Administrator API's `{status:"success"}` answers. */
export interface AdminStatus {
  /** "success". */
  status: string;
}
