/**
 * A page worker: decodes and parses a query response, normalises the features as
 * `features()` does and encodes them with the writer's own page encoder, so the
 * main thread only writes text in order.
 */
import { parentPort } from "node:worker_threads";
import { esriFeatureNormalizer, parseFeatureSet } from "@arcrest/query/internal";
import type { Feature } from "@arcrest/query";
import { geoJSONPageEncoder } from "../../geojson/geojson-writer.js";
import type { FeaturePageEncoder } from "../../geojson/feature-json.js";
import type { ExportFeature, ExportWarning } from "../../types.js";
import type { PageEncoding, PageJob, PageJobResult, ToWorker } from "./page-job.js";

const encodings = new Map<number, { encoding: PageEncoding; encode: Promise<FeaturePageEncoder>; warnings: ExportWarning[] }>();
const decoder = new TextDecoder();

function oidReader(oidField: string | undefined): (attributes: Record<string, unknown>) => number {
  let key = oidField ?? "";
  return (attributes) => {
    let v = attributes[key];
    if (v === undefined && oidField !== undefined) {
      const lower = oidField.toLowerCase();
      key = Object.keys(attributes).find((k) => k.toLowerCase() === lower) ?? key;
      v = attributes[key];
    }
    return typeof v === "number" ? v : Number.NaN;
  };
}

function isEnvelope(json: unknown): boolean {
  return typeof json === "object" && json !== null && "error" in json && !("features" in json);
}

/** Where each feature's text ends in `text` (features joined by line feeds), or `undefined` when the count is off. */
function lineEnds(text: string, count: number): Uint32Array | undefined {
  const ends = new Uint32Array(count);
  let from = 0;
  for (let i = 0; i < count - 1; i++) {
    const at = text.indexOf("\n", from);
    if (at < 0) return undefined;
    ends[i] = at;
    from = at + 1;
  }
  if (count > 0) {
    if (text.indexOf("\n", from) >= 0) return undefined;
    ends[count - 1] = text.length;
  }
  return ends;
}

async function run(job: PageJob): Promise<PageJobResult> {
  const entry = encodings.get(job.encoding);
  if (!entry) return { id: job.id, kind: "failed", message: `no encoding ${job.encoding}` };
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(job.bytes));
  } catch (error) {
    return { id: job.id, kind: "failed", message: String(error) };
  }
  if (isEnvelope(json)) return { id: job.id, kind: "envelope" };
  try {
    const set = parseFeatureSet(json, job.target);
    const normalize = esriFeatureNormalizer(entry.encoding.fields, entry.encoding.normalize, job.strip);
    const encode = await entry.encode;
    const oidOf = oidReader(entry.encoding.oidField);
    const features = set.features as Feature[];
    const oids = new Float64Array(features.length);
    for (let i = 0; i < features.length; i++) {
      const feature = normalize(features[i]) as ExportFeature;
      features[i] = feature as Feature;
      oids[i] = oidOf(feature.attributes ?? {});
    }
    // JSON text has no line feed of its own (it escapes them), so one joins the features unambiguously.
    const text = encode(features as ExportFeature[], 0, "\n");
    const ends = lineEnds(text, features.length);
    if (!ends) return { id: job.id, kind: "failed", message: "feature texts could not be told apart" };
    const warnings = entry.warnings.splice(0);
    return { id: job.id, kind: "page", text, ends, oids, exceededTransferLimit: set.exceededTransferLimit, warnings };
  } catch (error) {
    return { id: job.id, kind: "failed", message: String(error) };
  }
}

parentPort?.on("message", (message: ToWorker) => {
  if (message.type === "setup") {
    const warnings: ExportWarning[] = [];
    const encode = geoJSONPageEncoder(message.encoding.geojson, (w) => warnings.push(w));
    encodings.set(message.id, { encoding: message.encoding, encode, warnings });
    return;
  }
  void run(message.job).then((result) => {
    const transfer = result.kind === "page" ? [result.oids.buffer as ArrayBuffer, result.ends.buffer as ArrayBuffer] : [];
    parentPort?.postMessage(result, transfer);
  });
});
