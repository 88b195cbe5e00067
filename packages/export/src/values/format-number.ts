/**
 * Numbers as fixed-width text (DBF `N` fields): the shortest text that reads
 * back as the same double when it fits, else fewer decimals, never exponents.
 * Returns `undefined` when the value cannot fit in `width` characters.
 */
export function formatFixedNumber(value: number, width: number, decimals: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (decimals === 0) {
    const text = Number.isInteger(value) ? String(value) : String(Math.round(value));
    return text.length <= width && !text.includes("e") ? text : undefined;
  }
  const shortest = String(value);
  if (shortest.length <= width && !shortest.includes("e")) return shortest;
  // Too long or in exponent form: as many decimals as still fit.
  const integerDigits = Math.abs(value) < 1 ? 1 : Math.floor(Math.log10(Math.abs(value))) + 1;
  const room = width - integerDigits - (value < 0 ? 1 : 0) - 1;
  if (room < 0) {
    const whole = Math.round(value).toFixed(0);
    return whole.length <= width && !whole.includes("e") ? whole : undefined;
  }
  const text = value.toFixed(Math.min(room, decimals, 100));
  return text.length <= width && !text.includes("e") ? text : undefined;
}
