import type { CallOptions } from "../request/types.js";
import { request } from "../request/index.js";
import { serverRoot } from "../auth/index.js";

/** `<root>/rest/info`, normalised: some servers send booleans as strings ("false"). */
export interface ServerInfo {
  currentVersion?: number;
  fullVersion?: string;
  /** Set on servers federated with a Portal. */
  owningSystemUrl?: string;
  soapUrl?: string;
  secureSoapUrl?: string;
  authInfo: {
    isTokenBasedSecurity: boolean;
    tokenServicesUrl?: string;
    shortLivedTokenValidity?: number;
  };
}

const asBoolean = (value: unknown): boolean => value === true || (typeof value === "string" && value.toLowerCase() === "true");

/** Normalises a `rest/info` answer (string booleans, missing `authInfo`). */
export function parseServerInfo(json: unknown): ServerInfo {
  const raw = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
  const auth = (typeof raw.authInfo === "object" && raw.authInfo !== null ? raw.authInfo : {}) as Record<string, unknown>;
  const info: ServerInfo = {
    ...(raw as Omit<ServerInfo, "authInfo">),
    authInfo: { isTokenBasedSecurity: asBoolean(auth.isTokenBasedSecurity) },
  };
  if (typeof auth.tokenServicesUrl === "string") info.authInfo.tokenServicesUrl = auth.tokenServicesUrl;
  if (typeof auth.shortLivedTokenValidity === "number") info.authInfo.shortLivedTokenValidity = auth.shortLivedTokenValidity;
  if (typeof raw.currentVersion === "string") info.currentVersion = Number(raw.currentVersion);
  return info;
}

/** Reads `<root>/rest/info` for any URL of an ArcGIS Server. */
export async function fetchServerInfo(url: string, options: CallOptions = {}): Promise<ServerInfo> {
  const json = await request<unknown>(`${serverRoot(url)}/rest/info`, { ...options, kind: "read", anonymous: true });
  return parseServerInfo(json);
}
