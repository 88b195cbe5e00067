/** Parsing of the date strings of DATE and TIMESTAMP literals. */

const DATE_PATTERN = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*$/;

/**
 * Parses 'yyyy-mm-dd' or 'yyyy-mm-dd hh:mi[:ss[.fff]]' as UTC (ArcGIS stores dates in UTC)
 * and returns epoch milliseconds, or null when the text is no such date.
 */
export function parseDateLiteral(text: string): number | null {
  const m = DATE_PATTERN.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => (v === undefined ? 0 : Number(v)));
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, "0"));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const value = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Reject days that roll over into the next month (2021-02-30).
  if (new Date(value).getUTCDate() !== day) return null;
  return value;
}
