import type { ExportFeature } from "../types.js";
import type { Column } from "../values/columns.js";
import { hasTimeOfDay } from "../values/dates.js";
import { dbfFieldNames } from "./field-names.js";

/** DBF field types written: numeric, character, date, logical. */
export type DbfType = "N" | "C" | "D" | "L";

/** One DBF field and where its values come from. */
export interface DbfColumn {
  /** The source column. */
  column: Column;
  /** The DBF field name (at most 10 bytes, unique). */
  name: string;
  /** DBF type. */
  type: DbfType;
  /** Width in bytes. */
  width: number;
  /** Decimal places (N only). */
  decimals: number;
  /** `"value"` for the value itself, `"iso"` for the ISO 8601 text companion of a date column. */
  role: "value" | "iso";
}

/** How date columns whose values carry a time of day are written. */
export type DateTimeCompanion = "auto" | "always" | "never";

/** Options of {@link planDbfColumns}. */
export interface DbfPlanOptions {
  /**
   * A DBF `D` field holds no time of day. `"auto"` (default) adds an ISO 8601 text
   * companion field for each date column whose values carry one — judged from every
   * value when the whole input was read ahead, otherwise added for every date-time
   * column so no time of day is lost; `"always"` adds it for every date-time column;
   * `"never"` writes dates only.
   */
  dateTimeCompanion?: DateTimeCompanion;
}

const MAX_CHAR_WIDTH = 254;
const encoder = new TextEncoder();

function widthOf(column: Column, head: ExportFeature[], complete: boolean): Pick<DbfColumn, "type" | "width" | "decimals"> {
  switch (column.kind) {
    case "integer":
      // Widths that hold every value of the type, sign included.
      return { type: "N", width: column.bits === 16 ? 6 : column.bits === 64 ? 18 : 11, decimals: 0 };
    case "double":
      return column.precision === 32 ? { type: "N", width: 16, decimals: 7 } : { type: "N", width: 24, decimals: 15 };
    case "boolean":
      return { type: "L", width: 1, decimals: 0 };
    case "guid":
      return { type: "C", width: 38, decimals: 0 };
    case "date":
    case "dateonly":
    case "timestamp":
      return { type: "D", width: 8, decimals: 0 };
    case "timeonly":
      return { type: "C", width: 18, decimals: 0 };
    case "string": {
      if (column.length) return { type: "C", width: Math.min(MAX_CHAR_WIDTH, column.length), decimals: 0 };
      if (!complete) return { type: "C", width: MAX_CHAR_WIDTH, decimals: 0 };
      let longest = 1;
      for (const feature of head) {
        const value = feature.attributes?.[column.name];
        if (value !== null && value !== undefined) longest = Math.max(longest, encoder.encode(String(value)).length);
      }
      return { type: "C", width: Math.min(MAX_CHAR_WIDTH, longest), decimals: 0 };
    }
  }
}

function needsCompanion(column: Column, mode: DateTimeCompanion, head: ExportFeature[], complete: boolean): boolean {
  if (mode === "never" || (column.kind !== "date" && column.kind !== "timestamp")) return false;
  if (mode === "always" || !complete) return true;
  const kind = column.kind;
  return head.some((feature) => hasTimeOfDay(kind, feature.attributes?.[column.name]));
}

/**
 * DBF fields for `columns`: types that keep the values, names cut to 10 bytes
 * and made unique, date-time companions where needed.
 */
export function planDbfColumns(
  columns: Column[],
  head: ExportFeature[],
  complete: boolean,
  options: DbfPlanOptions = {},
): DbfColumn[] {
  const mode = options.dateTimeCompanion ?? "auto";
  const planned: Omit<DbfColumn, "name">[] = [];
  const wanted: string[] = [];
  for (const column of columns) {
    planned.push({ column, role: "value", ...widthOf(column, head, complete) });
    wanted.push(column.name);
    if (needsCompanion(column, mode, head, complete)) {
      planned.push({ column, role: "iso", type: "C", width: column.kind === "timestamp" ? 35 : 24, decimals: 0 });
      wanted.push(`${column.name.slice(0, 8)}_T`);
    }
  }
  // Real fields get first pick of names; companions take what is left.
  const order = planned.map((p, i) => i).sort((a, b) => Number(planned[a].role === "iso") - Number(planned[b].role === "iso"));
  const names = dbfFieldNames(order.map((i) => wanted[i]));
  const byIndex = new Map(order.map((plannedIndex, k) => [plannedIndex, names[k]]));
  return planned.map((p, i) => ({ ...p, name: byIndex.get(i) ?? wanted[i] }));
}
