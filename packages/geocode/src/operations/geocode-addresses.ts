import { ArcGISRequestError, ValidationError, type CallOptions, type ParamValue } from "@arcrest/core";
import { BatchGeocodingUnsupportedError } from "../errors/batch-geocoding-unsupported-error.js";
import { addressParams, checkKnownFields, operationUrl, send, toCandidate } from "../params.js";
import type { AddressInput, GeocodeAddressesOptions, GeocodeResult, LocatorInfo } from "../types.js";
import { batchPlan, chunks, isUnsupported, missingRecordError, runPool } from "./batch.js";
import { fetchLocatorInfo } from "./locator-info.js";

interface RawLocation {
  address?: unknown;
  location?: { x?: unknown; y?: unknown };
  score?: unknown;
  attributes?: Record<string, unknown>;
}

interface Answer {
  spatialReference?: unknown;
  locations?: RawLocation[];
}

const STATUS = { M: "matched", T: "tied" } as const;

function toResult(index: number, raw: RawLocation, spatialReference: unknown): GeocodeResult {
  const candidate = toCandidate(raw, spatialReference);
  const code = String(raw.attributes?.Status ?? "");
  const status = candidate && (code === "M" || code === "T") ? STATUS[code] : "unmatched";
  return status === "unmatched" ? { index, status } : { index, status, candidate };
}

function checkRecords(records: readonly AddressInput[], info: LocatorInfo): Record<string, string>[] {
  if (!Array.isArray(records)) throw new ValidationError("records", "must be an array of addresses");
  const single = info.singleLineAddressField ?? "SingleLine";
  return records.map((record, i) => {
    const fields = addressParams(record, `records[${i}]`, single);
    if (typeof record !== "string") checkKnownFields(fields, info.addressFields, `records[${i}]`);
    return fields;
  });
}

/** Sends one batch; records are numbered by OBJECTID = input index + 1 and re-joined by ResultID. */
async function sendBatch(url: string, indices: number[], fields: Record<string, string>[], params: Record<string, ParamValue>, options: CallOptions): Promise<Map<number, GeocodeResult>> {
  const records = indices.map((i) => ({ attributes: { OBJECTID: i + 1, ...fields[i] } }));
  const json = await send<Answer>(url, { ...params, addresses: { records } }, options);
  const wanted = new Set(indices);
  const found = new Map<number, GeocodeResult>();
  for (const raw of json.locations ?? []) {
    const index = Number(raw.attributes?.ResultID) - 1;
    if (wanted.has(index) && !found.has(index)) found.set(index, toResult(index, raw, json.spatialReference));
  }
  return found;
}

/**
 * Geocodes many addresses in batches of the locator's size, a few batches at a time, keeping every
 * record: `results[i]` answers `records[i]`. Records a server leaves out are retried once alone,
 * then reported `failed`; a batch that fails after the pipeline's retries marks its records `failed`
 * and the run goes on. Aborting rejects with the signal's reason and sends no more batches.
 *
 * @param url - the GeocodeServer URL
 * @param records - one-line addresses or address field values
 * @example
 * ```ts
 * const results = await geocodeAddresses(url, ["380 New York St, Redlands, CA", { Address: "1 Main St", City: "Salem" }], {
 *   onProgress: ({ done, total }) => console.log(`${done}/${total}`),
 * });
 * for (const { index, status, candidate } of results) console.log(index, status, candidate?.address);
 * ```
 */
export async function geocodeAddresses(url: string, records: readonly AddressInput[], options: GeocodeAddressesOptions = {}): Promise<GeocodeResult[]> {
  const { onProgress, signal, batchSize, concurrency, outSR, category, sourceCountry, forStorage } = options;
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) throw new ValidationError("batchSize", `must be a positive integer, got ${String(batchSize)}`);
  checkRecords(records, { singleLineAddressField: undefined, addressFields: [], maxBatchSize: undefined, suggestedBatchSize: undefined, spatialReference: undefined });
  const info = options.locator ?? (await fetchLocatorInfo(url, options));
  const fields = checkRecords(records, info);
  if (info.maxBatchSize === undefined) throw new BatchGeocodingUnsupportedError(url);
  const plan = batchPlan(info, batchSize, concurrency);
  const target = operationUrl(url, "geocodeAddresses");
  const params = { outSR, category, sourceCountry, forStorage, outFields: "*" };
  const results: GeocodeResult[] = new Array<GeocodeResult>(records.length);
  let done = 0;
  const missing = (i: number): GeocodeResult => ({ index: i, status: "failed", error: missingRecordError(target, i) });
  const retryAlone = async (i: number): Promise<GeocodeResult> => {
    try {
      return (await sendBatch(target, [i], fields, params, options)).get(i) ?? missing(i);
    } catch (error) {
      if (signal?.aborted || !(error instanceof ArcGISRequestError)) throw error;
      return { index: i, status: "failed", error };
    }
  };
  const runBatch = async (indices: number[]): Promise<void> => {
    try {
      const found = await sendBatch(target, indices, fields, params, options);
      for (const i of indices) results[i] = found.get(i) ?? (indices.length > 1 ? await retryAlone(i) : missing(i));
    } catch (error) {
      signal?.throwIfAborted();
      if (isUnsupported(error)) throw new BatchGeocodingUnsupportedError(url, { cause: error });
      if (!(error instanceof ArcGISRequestError)) throw error;
      for (const i of indices) results[i] = { index: i, status: "failed", error };
    }
    done += indices.length;
    onProgress?.({ done, total: records.length });
  };
  await runPool(chunks(records.length, plan.size), plan.concurrency, runBatch, signal);
  return results;
}
