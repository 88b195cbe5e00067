import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link getSecurityConfig}. */
export type GetSecurityConfigOptions = CallOptions;

/**
 * The site's security configuration (`/admin/security/config`).
 *
 * @example
 * const config = await getSecurityConfig(adminUrl, { session });
 */
export async function getSecurityConfig(adminUrl: string, options: GetSecurityConfigOptions = {}): Promise<{ authenticationTier: string; sslEnabled: boolean; [key: string]: unknown }> {
  return adminRequest<{ authenticationTier: string; sslEnabled: boolean; [key: string]: unknown }>(adminUrlOf(adminUrl, "security", "config"), {}, { ...options });
}
