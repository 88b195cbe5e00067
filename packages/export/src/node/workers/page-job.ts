import type { Field } from "@arcrest/core";
import type { NormalizeOptions } from "@arcrest/query";
import type { GeoJSONEncoding } from "../../geojson/geojson-writer.js";
import type { ExportWarning } from "../../types.js";

/** How the pages of one export are encoded: plain data, sent to each worker once. */
export interface PageEncoding {
  /** Output text per feature: a GeoJSON Feature (the writer adds separators). */
  kind: "geojson";
  geojson: GeoJSONEncoding;
  /** The layer's fields and the normalisation `features()` would apply. */
  fields: readonly Field[];
  normalize: NormalizeOptions | false;
  /** The object id field (for the paging engine's order and duplicate checks). */
  oidField: string | undefined;
}

/** One page for a worker: its response body, decoded, parsed, normalised and encoded there. */
export interface PageJob {
  id: number;
  /** Which {@link PageEncoding} (sent before with `setup`). */
  encoding: number;
  /** The response body (UTF-8), transferred to the worker, not copied. */
  bytes: Uint8Array;
  target: string;
  strip: readonly string[];
}

/** A worker's answer. */
export type PageJobResult =
  /**
   * `text`: every feature's text, a line feed between them (JSON text has none of its own); feature `i` is
   * `text.slice(i === 0 ? 0 : ends[i - 1] + 1, ends[i])` (one string crosses, not one per feature).
   */
  | { id: number; kind: "page"; text: string; ends: Uint32Array; oids: Float64Array; exceededTransferLimit: boolean; warnings: ExportWarning[] }
  /** The body is an error envelope (`{ "error": … }`): the main thread sends the request again through the pipeline. */
  | { id: number; kind: "envelope" }
  /** Anything else went wrong (not JSON, not a feature set, a broken feature, a worker gone): the main thread sends the request again and parses the answer itself, for the typed error. */
  | { id: number; kind: "failed"; message: string };

/** Messages to a worker. */
export type ToWorker = { type: "setup"; id: number; encoding: PageEncoding } | { type: "job"; job: PageJob };
