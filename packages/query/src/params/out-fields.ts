/** What to send as `outFields` and what to remove from the answer afterwards. */
export interface ResolvedOutFields {
  /** The `outFields` parameter value (`*` or a comma-separated list). */
  param: string;
  /** A field added only for paging that must be stripped from every feature (layer case). */
  strip?: string;
}

/** Turns `["a", "b"]`, `"a,b"`, `"*"` or nothing into a list (empty list = all fields). */
export function fieldList(outFields: string | readonly string[] | undefined): string[] {
  if (outFields === undefined) return [];
  const list = typeof outFields === "string" ? outFields.split(",") : [...outFields];
  const trimmed = list.map((f) => f.trim()).filter((f) => f.length > 0);
  return trimmed.includes("*") ? [] : trimmed;
}

/**
 * The `outFields` for every page. When paging needs the object id (ranges, id
 * batches, gap filling, duplicate checks) and the user's list lacks it, it is
 * requested and marked to be stripped so the user sees exactly the fields asked for.
 */
export function resolveOutFields(
  outFields: string | readonly string[] | undefined,
  oidField: string | undefined,
  needOid: boolean,
): ResolvedOutFields {
  const list = fieldList(outFields);
  if (list.length === 0) return { param: "*" };
  if (!needOid || oidField === undefined) return { param: list.join(",") };
  const lower = oidField.toLowerCase();
  if (list.some((f) => f.toLowerCase() === lower)) return { param: list.join(",") };
  return { param: [...list, oidField].join(","), strip: oidField };
}
