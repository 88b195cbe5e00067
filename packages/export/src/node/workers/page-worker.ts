/**
 * A page worker: parses query response text, normalises the features as
 * `features()` does and encodes each with the writer's own encoder, so the
 * main thread only writes text in order.
 */
import { parentPort } from "node:worker_threads";
import { esriFeatureNormalizer, parseFeatureSet } from "@arcrest/query/internal";
import type { Feature } from "@arcrest/query";
import { geoJSONFeatureEncoder } from "../../geojson/geojson-writer.js";
import type { ExportFeature, ExportWarning } from "../../types.js";
import type { PageEncoding, PageJob, PageJobResult, ToWorker } from "./page-job.js";

type Encoder = (feature: ExportFeature, index: number) => string;

const encodings = new Map<number, { encoding: PageEncoding; encode: Promise<Encoder>; warnings: ExportWarning[] }>();

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

async function run(job: PageJob): Promise<PageJobResult> {
  const entry = encodings.get(job.encoding);
  if (!entry) return { id: job.id, kind: "failed", message: `no encoding ${job.encoding}` };
  let json: unknown;
  try {
    json = JSON.parse(job.text);
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
    const texts: string[] = new Array<string>(features.length);
    const ends = new Uint32Array(features.length);
    const oids = new Float64Array(features.length);
    let end = 0;
    for (let i = 0; i < features.length; i++) {
      const feature = normalize(features[i]) as ExportFeature;
      oids[i] = oidOf(feature.attributes ?? {});
      texts[i] = encode(feature, i);
      end += (texts[i] as string).length;
      ends[i] = end;
    }
    const warnings = entry.warnings.splice(0);
    return { id: job.id, kind: "page", text: texts.join(""), ends, oids, exceededTransferLimit: set.exceededTransferLimit, warnings };
  } catch (error) {
    return { id: job.id, kind: "failed", message: String(error) };
  }
}

parentPort?.on("message", (message: ToWorker) => {
  if (message.type === "setup") {
    const warnings: ExportWarning[] = [];
    const encode = geoJSONFeatureEncoder(message.encoding.geojson, (w) => warnings.push(w));
    encodings.set(message.id, { encoding: message.encoding, encode, warnings });
    return;
  }
  void run(message.job).then((result) => {
    const transfer = result.kind === "page" ? [result.oids.buffer as ArrayBuffer, result.ends.buffer as ArrayBuffer] : [];
    parentPort?.postMessage(result, transfer);
  });
});
