/**
 * Finds names the way the seed's `layer('observed_*')` does: case-insensitive,
 * `*` matches any run of characters. An exact (case-insensitive) name wins over
 * wildcard matches so `layer("roads")` never picks `roads_old` by accident.
 */

function toPattern(pattern: string): RegExp {
  const escaped = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${escaped}$`, "i");
}

/** Every name matching `pattern` (case-insensitive, `*` wildcard), exact matches first. */
export function matchNames(names: Iterable<string>, pattern: string): string[] {
  const all = [...names];
  const lower = pattern.toLowerCase();
  const exact = all.filter((name) => name.toLowerCase() === lower);
  if (!pattern.includes("*")) return exact;
  const re = toPattern(pattern);
  return [...exact, ...all.filter((name) => name.toLowerCase() !== lower && re.test(name))];
}

/** The best name matching `pattern`, or `undefined`. */
export function matchName(names: Iterable<string>, pattern: string): string | undefined {
  return matchNames(names, pattern)[0];
}
