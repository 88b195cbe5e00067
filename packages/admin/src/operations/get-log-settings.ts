import type { CallOptions } from "@arcrest/core";
import { adminRequest, adminUrlOf } from "../admin-request.js";

/** Options of {@link getLogSettings}. */
export type GetLogSettingsOptions = CallOptions;

/**
 * The log settings (`/admin/logs/settings`).
 *
 * @example
 * const { settings } = await getLogSettings(adminUrl, { session });
 */
export async function getLogSettings(adminUrl: string, options: GetLogSettingsOptions = {}): Promise<{ settings: { logLevel: string; logDir: string; maxLogFileAge: number; [key: string]: unknown } }> {
  return adminRequest<{ settings: { logLevel: string; logDir: string; maxLogFileAge: number; [key: string]: unknown } }>(adminUrlOf(adminUrl, "logs", "settings"), {}, { ...options });
}
