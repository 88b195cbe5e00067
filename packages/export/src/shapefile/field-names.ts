/**
 * DBF field names hold at most 10 bytes. Names are cut (at a character
 * boundary, counting UTF-8 bytes) and clashes get a numeric suffix that keeps
 * the name within 10 bytes: `LONGFIELD_A`, `LONGFIELD_B` → `LONGFIELD_`, `LONGFIEL_1`.
 */

/** Maximum bytes of a DBF field name. */
export const DBF_NAME_BYTES = 10;

const encoder = new TextEncoder();

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (text.length <= maxBytes && encoder.encode(text).length <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = encoder.encode(char).length;
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/** A name DBF readers accept: no control characters or spaces, not empty. */
function clean(name: string): string {
  const cleaned = name.replace(/[\s\u0000-\u001f\u007f]+/g, "_");
  return cleaned.length > 0 ? cleaned : "FIELD";
}

/**
 * Unique DBF names for `names`, in order. Uniqueness is case-insensitive, as
 * readers compare names that way. Names already unique and short are kept.
 */
export function dbfFieldNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  const result: string[] = [];
  for (const name of names) {
    const base = cutToBytes(clean(name), DBF_NAME_BYTES);
    let candidate = base;
    for (let n = 1; taken.has(candidate.toUpperCase()); n++) {
      const suffix = `_${n}`;
      candidate = cutToBytes(base, DBF_NAME_BYTES - suffix.length) + suffix;
    }
    taken.add(candidate.toUpperCase());
    result.push(candidate);
  }
  return result;
}
