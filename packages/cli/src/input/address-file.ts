import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { UsageError } from "../errors.js";

/** One record to geocode: a one-line address, or address fields by the locator's field names. */
export type AddressRecord = string | Record<string, string>;

/** Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = (): void => {
    row.push(cell);
    cell = "";
  };
  const endRow = (): void => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) cell += c;
    else if (c === ",") endCell();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) endRow();
  return rows.filter((r) => r.some((v) => v.trim() !== ""));
}

/**
 * Reads the records of a batch: a `.csv` with a header row (each column an address field, e.g.
 * `Address,City,Region,Postal` or `SingleLine`; a file of one column is one-line addresses whatever
 * its header), or any other file as one address per line.
 */
export async function readAddresses(path: string): Promise<AddressRecord[]> {
  let text: string;
  try {
    text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  } catch (error) {
    throw new UsageError(`cannot read addresses from ${path}: ${(error as Error).message}`);
  }
  const records = extname(path).toLowerCase() === ".csv" ? csvRecords(text, path) : text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (records.length === 0) throw new UsageError(`${path} holds no addresses`);
  return records;
}

function csvRecords(text: string, path: string): AddressRecord[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  if (names.some((n) => n === "")) throw new UsageError(`${path}: every column of the header row needs a name`);
  if (names.length === 1) return rows.map((r) => (r[0] ?? "").trim());
  return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, (r[i] ?? "").trim()])));
}
