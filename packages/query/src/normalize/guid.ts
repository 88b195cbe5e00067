const GUID_RE = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;

/**
 * Writes a GUID in the one format arcrest uses everywhere: upper case, with
 * braces and hyphens (`{6F9619FF-8B86-D011-B42D-00C04FC964FF}`), as ArcGIS
 * Server and file geodatabases show it. Hosted services send lower case without
 * braces; both compare equal after this. Values that are not GUIDs are returned unchanged.
 */
export function normalizeGuid<T>(value: T): T | string {
  if (typeof value !== "string") return value;
  const m = GUID_RE.exec(value.trim());
  if (!m) return value;
  return `{${m.slice(1, 6).join("-").toUpperCase()}}`;
}
