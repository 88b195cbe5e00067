/** Reading raw request parameters (strings, names in any case) into typed values. */
import { invalidParameter } from "./errors.js";

/** Request parameters looked up by name in any case, as ArcGIS Server does. */
export class QueryParams {
  private readonly values = new Map<string, string>();

  constructor(raw: Record<string, string>) {
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value === "string") this.values.set(key.toLowerCase(), value);
    }
  }

  /** The trimmed value of `name`, or undefined when absent or empty. */
  text(name: string): string | undefined {
    const value = this.values.get(name.toLowerCase());
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }

  /** A boolean parameter ("true"/"false", any case). */
  bool(name: string, fallback: boolean): boolean {
    const value = this.text(name);
    if (value === undefined) return fallback;
    const lower = value.toLowerCase();
    if (lower === "true" || lower === "1") return true;
    if (lower === "false" || lower === "0") return false;
    throw invalidParameter(name, `expected true or false, got '${value}'`);
  }

  /** A non-negative integer parameter. */
  int(name: string): number | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (!/^\+?\d+$/.test(value)) throw invalidParameter(name, `expected a non-negative integer, got '${value}'`);
    return Number(value);
  }

  /** A finite number parameter. */
  number(name: string): number | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n)) throw invalidParameter(name, `expected a number, got '${value}'`);
    return n;
  }

  /** A comma-separated list, entries trimmed, empty entries dropped. */
  list(name: string): string[] | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    return value.split(",").map((s) => s.trim()).filter((s) => s !== "");
  }

  /** A JSON parameter. */
  json(name: string): unknown {
    const value = this.text(name);
    if (value === undefined) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw invalidParameter(name, "not valid JSON");
    }
  }

  /** A comma-separated list of integers (object ids). */
  ids(name: string): number[] | undefined {
    const list = this.list(name);
    if (list === undefined) return undefined;
    return list.map((entry) => {
      const n = Number(entry);
      if (!Number.isFinite(n)) throw invalidParameter(name, `'${entry}' is not an object id`);
      return n;
    });
  }
}
