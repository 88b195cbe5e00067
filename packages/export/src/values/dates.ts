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

/** Epoch milliseconds of 1000-01-01 and 10000-01-01: the years written with four digits and no sign. */
const YEAR_1000 = -30610224000000;
const YEAR_10000 = 253402300800000;
const DAY = 86_400_000;
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => `.${String(i).padStart(3, "0")}`);

/**
 * ISO text of epoch milliseconds in years 1000–9999, computed with integer
 * arithmetic (the civil-from-days conversion of the proleptic Gregorian
 * calendar) instead of a `Date` object: date-heavy exports format one per
 * feature and field, and this is several times cheaper than `toISOString`.
 */
function fastIsoDateTime(ms: number, millisAlways: boolean): string {
  const days = Math.floor(ms / DAY);
  let rest = ms - days * DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const fraction = millis === 0 && !millisAlways ? "" : THREE_DIGITS[millis];
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}${fraction}Z`;
}

/** ISO 8601 date-time in UTC (`2024-05-01T12:30:00Z`, with milliseconds only when non-zero). */
export function isoDateTime(ms: number): string {
  const whole = Math.trunc(ms);
  if (whole >= YEAR_1000 && whole < YEAR_10000) return fastIsoDateTime(whole, false);
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
  const millis = d.getUTCMilliseconds();
  return `${isoDate(ms)}T${time}${millis ? `.${pad(millis, 3)}` : ""}Z`;
}

/**
 * `Date.prototype.toISOString()` of epoch milliseconds (`YYYY-MM-DDTHH:MM:SS.SSSZ`, the form
 * the GeoPackage spec requires), without a `Date` for years 1000 to 9999.
 * @throws RangeError outside the range of `Date`, as `toISOString` does
 */
export function isoDateTimeMillis(ms: number): string {
  const whole = Math.trunc(ms);
  if (whole >= YEAR_1000 && whole < YEAR_10000) return fastIsoDateTime(whole, true);
  return new Date(ms).toISOString();
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
