import { request, type ParamValue, type Session } from "@arcrest/core";
import type { Feature, NormalizeOptions } from "@arcrest/query";
import { esriFeatureNormalizer, parseFeatureSet, type FetchedPage, type PageReader } from "@arcrest/query/internal";
import { ENCODED_OID, encodedFeature, type EncodedFeature } from "../../input/encoded-feature.js";
import type { ExportFeature, ExportWarning } from "../../types.js";
import type { PagePool } from "./page-pool.js";
import type { PageEncoding } from "./page-job.js";

type Item = ExportFeature | EncodedFeature;

/** The JSON of a response body, or `undefined` when it is not JSON. */
function parseJsonBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

/** Parses and normalises a page on this thread, as `features()` does (also to throw its typed errors). */
function parseHere(json: unknown, target: string, encoding: PageEncoding, strip: readonly string[]): FetchedPage<Item> {
  const set = parseFeatureSet(json, target);
  const normalize = esriFeatureNormalizer(encoding.fields, encoding.normalize, strip);
  const features = (set.features as Feature[]).map((f) => normalize(f) as ExportFeature);
  return { features, exceededTransferLimit: set.exceededTransferLimit };
}

/**
 * A page reader for `streamPagesWith`: each page's response body goes to a worker,
 * which decodes, parses, normalises and encodes it; the page comes back as encoded features.
 * Error envelopes and bodies a worker could not handle are requested again through the
 * request pipeline (its retries and typed errors) and parsed here.
 */
export function workerPageReader(
  pool: PagePool,
  encoding: PageEncoding,
  onWarning: ((warning: ExportWarning) => void) | undefined,
): PageReader<Item> {
  const encodingId = pool.setup(encoding);
  let oidKey = encoding.oidField ?? "";
  let warned = false;
  const warnStopped = (): void => {
    if (warned) return;
    warned = true;
    onWarning?.({ code: "workers-stopped", message: `Page workers stopped (${pool.failure ?? "none running"}); the remaining pages are parsed on the main thread` });
  };
  return {
    async read(target: string, params: Record<string, ParamValue>, call: { session?: Session | undefined; signal: AbortSignal }, normalizing) {
      const options = { params, kind: "read" as const, signal: call.signal, ...(call.session ? { session: call.session } : {}) };
      const response = await request(target, { ...options, rawResponse: true });
      const bytes = new Uint8Array(await response.arrayBuffer());
      call.signal.throwIfAborted();
      const again = async (): Promise<FetchedPage<Item>> => parseHere(await request<unknown>(target, options), target, encoding, normalizing.strip);
      if (!pool.running) {
        warnStopped();
        const json = parseJsonBytes(bytes);
        return json === undefined ? again() : parseHere(json, target, encoding, normalizing.strip);
      }
      // The bytes move to the worker: a page it cannot read is requested again, for the pipeline's typed error.
      const result = await pool.run({ encoding: encodingId, bytes, target, strip: normalizing.strip });
      call.signal.throwIfAborted();
      if (result.kind !== "page") return again();
      for (const w of result.warnings) onWarning?.(w);
      const { text: all, ends, oids } = result;
      const features: Item[] = new Array<Item>(ends.length);
      for (let i = 0, start = 0; i < ends.length; i++) {
        const oid = oids[i] as number;
        features[i] = encodedFeature(all.slice(start, ends[i]), Number.isNaN(oid) ? undefined : oid);
        start = (ends[i] as number) + 1;
      }
      return { features, exceededTransferLimit: result.exceededTransferLimit };
    },
    oidOf(item) {
      if (ENCODED_OID in item) return (item as EncodedFeature)[ENCODED_OID];
      const attributes = item.attributes ?? {};
      if (!(oidKey in attributes) && encoding.oidField !== undefined) {
        const lower = encoding.oidField.toLowerCase();
        oidKey = Object.keys(attributes).find((k) => k.toLowerCase() === lower) ?? oidKey;
      }
      const v = attributes[oidKey];
      return typeof v === "number" ? v : undefined;
    },
  };
}

/** What {@link NormalizeOptions} an export asks of `features()`. */
export type ExportNormalize = NormalizeOptions | false;
