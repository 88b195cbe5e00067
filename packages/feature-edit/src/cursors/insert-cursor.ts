import { ValidationError, type LayerMetadata } from "@arcrest/core";
import { addFeatures } from "../edits/add-features.js";
import type { EditOptions, EditSummary } from "../edits/types.js";
import { rowToFeature } from "./row-values.js";
import type { WireFeature } from "../edits/normalize-input.js";

/**
 * An arcpy-style insert cursor: rows are queued by {@link InsertCursor.insertRow} and added in
 * chunks when the cursor is closed, with one result per row.
 *
 * @example
 * ```ts
 * const cursor = layer.insertCursor(["name", "SHAPE@XY"]);
 * cursor.insertRow(["first", [-122.4, 37.8]]);
 * const summary = await cursor.close();
 * ```
 */
export class InsertCursor {
  readonly #layer: LayerMetadata;
  readonly #fields: readonly string[] | undefined;
  readonly #options: EditOptions;
  #queue: WireFeature[] = [];
  #closed: Promise<EditSummary> | undefined;

  /**
   * @param layer - the layer to add to
   * @param fields - column names and tokens (`SHAPE@`, `SHAPE@XY`, `SHAPE@JSON`) for rows given as arrays
   * @param options - edit options used when the rows are applied
   */
  constructor(layer: LayerMetadata, fields: readonly string[] | undefined, options: EditOptions = {}) {
    this.#layer = layer;
    this.#fields = fields;
    this.#options = options;
    // Check the field list now rather than at the first row.
    if (fields) rowToFeature(fields.map(() => null), fields, layer, "fields");
  }

  /** Queues a row: values in field order, or an object keyed by field name. Returns its index. */
  insertRow(values: readonly unknown[] | Record<string, unknown>): number {
    if (this.#closed) throw new ValidationError("insertRow", "the cursor is closed");
    this.#queue.push(rowToFeature(values, this.#fields, this.#layer, `row ${this.#queue.length}`));
    return this.#queue.length - 1;
  }

  /** Rows queued and not yet applied. */
  get pending(): number {
    return this.#closed ? 0 : this.#queue.length;
  }

  /** Adds the queued rows in chunks; the summary's `addResults[i]` is the outcome of row `i`. Closing twice gives the same summary. */
  close(): Promise<EditSummary> {
    if (!this.#closed) {
      const rows = this.#queue;
      this.#queue = [];
      this.#closed = addFeatures(this.#layer, rows, this.#options);
    }
    return this.#closed;
  }
}
