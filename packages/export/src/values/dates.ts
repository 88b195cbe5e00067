/**
 * Date values as they arrive (epoch milliseconds from ArcGIS JSON, `Date` from
 * `@arcrest/query`, ISO strings for date-only and timestamp-offset fields) and
 * their ISO 8601 text, which GDAL, QGIS and spreadsheets read as dates.
 */

/** Epoch milliseconds of a date value, or `undefined` when it is missing or not a date. */
export function toEpochMillis(value: unknown): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (/^-?\d+$/.test(trimmed)) return Number(trimmed);
    const ms = Date.parse(trimmed);
    return Number.isFinite(ms) ? ms : undefined;
  }
  return undefined;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** `YYYY-MM-DD` of epoch milliseconds in UTC. */
export function isoDate(ms: number): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const y = year < 0 ? `-${pad(-year, 6)}` : year > 9999 ? `+${pad(year, 6)}` : pad(year, 4);
  return `${y}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** ISO 8601 date-time in UTC (`2024-05-01T12:30:00Z`, with milliseconds only when non-zero). */
export function isoDateTime(ms: number): string {
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
  const millis = d.getUTCMilliseconds();
  return `${isoDate(ms)}T${time}${millis ? `.${pad(millis, 3)}` : ""}Z`;
}

/** Whether epoch milliseconds fall on a UTC midnight (a date without a time of day). */
export function isMidnightUtc(ms: number): boolean {
  return ((ms % 86_400_000) + 86_400_000) % 86_400_000 === 0;
}

const DATE_ONLY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const OFFSET_TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The ISO text of a value of `kind`, or `undefined` when missing/unreadable. */
export function isoText(kind: "date" | "dateonly" | "timeonly" | "timestamp", value: unknown): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  switch (kind) {
    case "timeonly":
      return typeof value === "string" ? value : value instanceof Date ? isoDateTime(value.getTime()).slice(11, -1) : undefined;
    case "dateonly": {
      if (typeof value === "string" && DATE_ONLY_RE.test(value.trim())) return value.trim();
      const ms = toEpochMillis(value);
      return ms === undefined ? undefined : isoDate(ms);
    }
    case "timestamp": {
      // Keep the offset the server sent; it is the point of this field type.
      if (typeof value === "string" && OFFSET_TIMESTAMP_RE.test(value.trim())) return value.trim().replace(" ", "T");
      const ms = toEpochMillis(value);
      return ms === undefined ? undefined : isoDateTime(ms);
    }
    case "date": {
      const ms = toEpochMillis(value);
      return ms === undefined ? undefined : isoDateTime(ms);
    }
  }
}

/**
 * The calendar date `YYYYMMDD` of a value for a DBF `D` field: UTC for instants,
 * the written date for date-only and offset timestamps (as the server's clock read).
 */
export function dbfDate(kind: "date" | "dateonly" | "timestamp", value: unknown): string | undefined {
  const text = kind === "date" ? undefined : isoText(kind, value);
  if (text !== undefined && /^\d{4}-\d{2}-\d{2}/.test(text)) return text.slice(0, 10).replaceAll("-", "");
  const ms = toEpochMillis(value);
  if (ms === undefined) return undefined;
  const iso = isoDate(ms);
  return /^\d{4}-/.test(iso) ? iso.replaceAll("-", "") : undefined;
}

/** Whether a date value carries a time of day (is not a UTC midnight / has a non-midnight time). */
export function hasTimeOfDay(kind: "date" | "timestamp", value: unknown): boolean {
  if (kind === "timestamp" && typeof value === "string") {
    const m = OFFSET_TIMESTAMP_RE.exec(value.trim());
    if (m) return Number(m[4]) !== 0 || Number(m[5]) !== 0 || Number(m[6] ?? 0) !== 0 || Number(m[7] ?? 0) !== 0;
  }
  const ms = toEpochMillis(value);
  return ms !== undefined && !isMidnightUtc(ms);
}
