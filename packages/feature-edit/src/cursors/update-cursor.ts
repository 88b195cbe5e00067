import { ValidationError, type LayerMetadata } from "@arcrest/core";
import { Row, searchCursor, type CursorOptions, type CursorValue } from "@arcrest/query";
import { applyEdits } from "../edits/apply-edits.js";
import type { WireFeature } from "../edits/normalize-input.js";
import type { EditOptions, EditSummary } from "../edits/types.js";
import { rowToFeature } from "./row-values.js";

/** Options of an update cursor: what to read (as a search cursor) and how to apply. */
export interface UpdateCursorOptions extends Omit<CursorOptions, "session" | "signal">, EditOptions {}

/**
 * An arcpy-style update cursor: iterate the matching rows, call {@link UpdateCursor.updateRow}
 * or {@link UpdateCursor.deleteRow} for the current one; the changes are applied in chunks
 * when the cursor is closed (reading and writing never interleave).
 *
 * @example
 * ```ts
 * const cursor = layer.updateCursor({ where: "status = 1", fields: ["status"] });
 * for await (const [status] of cursor) cursor.updateRow([status + 1]);
 * const summary = await cursor.close();
 * ```
 */
export class UpdateCursor implements AsyncIterable<Row> {
  readonly #layer: LayerMetadata;
  readonly #fields: readonly string[];
  readonly #options: UpdateCursorOptions;
  readonly #updates = new Map<number, WireFeature>();
  readonly #deletes = new Set<number>();
  #current: number | undefined;
  #iterated = false;
  #closed: Promise<EditSummary> | undefined;

  /**
   * @param layer - the layer to read and edit
   * @param options - where, fields (names and tokens; `*` by default) and edit options
   */
  constructor(layer: LayerMetadata, options: UpdateCursorOptions = {}) {
    if (!layer.objectIdField) throw new ValidationError("layer", `${layer.url} has no object id field; an update cursor needs one`);
    this.#layer = layer;
    const fields = options.fields === undefined || options.fields === "*" ? ["*"] : typeof options.fields === "string" ? options.fields.split(",").map((f) => f.trim()) : [...options.fields];
    this.#fields = fields.includes("*") ? [...layer.listFields().filter((f) => f !== layer.shapeField), ...(layer.geometryType ? ["SHAPE@"] : [])] : fields;
    this.#options = options;
  }

  /** Column names of the rows. */
  get fields(): readonly string[] {
    return this.#fields;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Row> {
    if (this.#iterated) throw new ValidationError("updateCursor", "can be iterated once");
    if (this.#closed) throw new ValidationError("updateCursor", "is closed");
    this.#iterated = true;
    const { fields: _fields, onProgress: _p, batchSize: _b, maxAttempts: _m, rollbackOnFailure: _r, useGlobalIds: _u, timeout: _t, ...read } = this.#options;
    const n = this.#fields.length;
    for await (const row of searchCursor(this.#layer, { ...read, fields: [...this.#fields, "OID@"] })) {
      this.#current = row.values[n] as number;
      yield new Row(this.#fields, row.values.slice(0, n) as CursorValue[]);
    }
    this.#current = undefined;
  }

  #row(method: string): number {
    if (this.#closed) throw new ValidationError(method, "the cursor is closed");
    if (this.#current === undefined) throw new ValidationError(method, "there is no current row (call it while iterating)");
    return this.#current;
  }

  /** Queues new values for the current row: in field order, or an object keyed by field name. */
  updateRow(values: readonly unknown[] | Row | Record<string, unknown>): void {
    const oid = this.#row("updateRow");
    const row = values instanceof Row ? [...values.values] : values;
    const feature = rowToFeature(row, this.#fields, this.#layer, `row ${oid}`);
    feature.attributes[this.#layer.objectIdField as string] = oid;
    this.#deletes.delete(oid);
    this.#updates.set(oid, feature);
  }

  /** Queues the deletion of the current row. */
  deleteRow(): void {
    const oid = this.#row("deleteRow");
    this.#updates.delete(oid);
    this.#deletes.add(oid);
  }

  /** Changes queued and not yet applied. */
  get pending(): number {
    return this.#closed ? 0 : this.#updates.size + this.#deletes.size;
  }

  /** Applies the queued updates and deletes in chunks. Closing twice gives the same summary. */
  close(): Promise<EditSummary> {
    this.#closed ??= applyEdits(
      this.#layer,
      { updates: [...this.#updates.values()], deletes: [...this.#deletes] },
      { ...this.#options, useGlobalIds: false },
    );
    return this.#closed;
  }
}
