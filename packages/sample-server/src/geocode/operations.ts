import { hashString, hashUnit } from "../data/prng.js";
import { candidateAttributes, MAX_BATCH_SIZE, outSpatialReference, pickFields, project, unproject } from "./locator.js";
import { byMagicKey, magicKeyOf, matchText, MIN_MATCH_SCORE, nearest, suggestText, type Match } from "./match.js";

/** An operation's answer: a JSON body or an ArcGIS error (code, message, details). */
export type GeocodeAnswer = { json: unknown } | { error: [number, string, string[]] };

const BAD = (detail: string): GeocodeAnswer => ({ error: [400, "Unable to complete operation.", [detail]] });

/** Field names that make up an address when they are sent one by one. */
const ADDRESS_FIELDS = ["Address", "Address2", "Address3", "Neighborhood", "City", "Subregion", "Region", "Postal", "CountryCode"];

/** The text of a request: the single-line field, else the address fields joined. */
export function addressText(values: Record<string, unknown>): string {
  const single = values.SingleLine ?? values.singleLine;
  if (typeof single === "string" && single.trim() !== "") return single;
  return ADDRESS_FIELDS.map((name) => values[name]).filter((v) => typeof v === "string" && v !== "").join(", ");
}

function candidate(match: Match, sr: { wkid: number }, outFields: string | undefined) {
  const { address, score } = match;
  const location = project(address.x, address.y, sr);
  const min = project(address.x - 0.001, address.y - 0.001, sr);
  const max = project(address.x + 0.001, address.y + 0.001, sr);
  return {
    address: address.label,
    location,
    score,
    attributes: pickFields(candidateAttributes(address, score), outFields),
    extent: { xmin: min.x, ymin: min.y, xmax: max.x, ymax: max.y },
  };
}

/** findAddressCandidates: candidates best first, up to maxLocations. */
export function findAddressCandidates(params: Record<string, string>): GeocodeAnswer {
  const sr = outSpatialReference(params.outSR);
  const keyed = params.magicKey ? byMagicKey(params.magicKey) : undefined;
  const text = addressText(params);
  if (!keyed && text.trim() === "") return BAD("Either SingleLine or address fields must be specified.");
  const max = Math.min(Number(params.maxLocations) || 50, 50);
  const matches = keyed ? [{ address: keyed, score: 100 }] : matchText(text).slice(0, max);
  return { json: { spatialReference: sr, candidates: matches.map((m) => candidate(m, sr, params.outFields)) } };
}

/** suggest: up to maxSuggestions (default 5, at most 15) completions with a magicKey. */
export function suggest(params: Record<string, string>): GeocodeAnswer {
  const text = params.text ?? "";
  if (text.trim() === "") return BAD("'text' parameter is required.");
  const max = Math.min(Math.max(Number(params.maxSuggestions) || 5, 1), 15);
  const suggestions = suggestText(text, max).map((a) => ({ text: a.label, magicKey: magicKeyOf(a), isCollection: false }));
  return { json: { suggestions } };
}

function parseLocation(raw: string | undefined): { x: number; y: number; wkid: number } | undefined {
  if (!raw) return undefined;
  if (raw.trim().startsWith("{")) {
    const p = JSON.parse(raw) as { x?: unknown; y?: unknown; spatialReference?: { wkid?: number } };
    if (typeof p.x !== "number" || typeof p.y !== "number") return undefined;
    return { x: p.x, y: p.y, wkid: p.spatialReference?.wkid ?? 4326 };
  }
  const [x, y] = raw.split(",").map(Number);
  return Number.isFinite(x) && Number.isFinite(y) ? { x, y, wkid: 4326 } : undefined;
}

/** reverseGeocode: the nearest address within about 1 km. */
export function reverseGeocode(params: Record<string, string>): GeocodeAnswer {
  let point;
  try {
    point = parseLocation(params.location);
  } catch {
    point = undefined;
  }
  if (!point) return BAD("Invalid or missing input parameters.");
  const wgs = unproject(point.x, point.y, point.wkid);
  const found = nearest(wgs.x, wgs.y, 0.01);
  if (!found) return BAD("Unable to find address for the specified location.");
  const sr = outSpatialReference(params.outSR);
  const a = candidateAttributes(found, 100);
  const address = { Match_addr: found.label, LongLabel: `${found.label}, USA`, ShortLabel: a.StAddr, Addr_type: "PointAddress", AddNum: a.AddNum, Address: a.StAddr, City: found.city, Region: found.region, Postal: found.postal, CountryCode: "USA", Loc_name: "SampleLocator" };
  return { json: { address, location: { ...project(found.x, found.y, sr), spatialReference: sr } } };
}

/**
 * Test hooks of geocodeAddresses, as a real server that loses records: a record whose text
 * contains `[lost in batch]` is left out of answers to batches of more than one record; one
 * with `[always lost]` is always left out.
 */
function lost(text: string, batchSize: number): boolean {
  return text.includes("[always lost]") || (batchSize > 1 && text.includes("[lost in batch]"));
}

interface BatchRecord {
  attributes?: Record<string, unknown>;
}

function batchLocation(record: BatchRecord, size: number, sr: { wkid: number }, outFields: string | undefined) {
  const attributes = record.attributes ?? {};
  const text = addressText(attributes);
  if (lost(text, size)) return undefined;
  const matches = matchText(text);
  const top = matches[0];
  const base = { ResultID: attributes.OBJECTID };
  if (!top || top.score < MIN_MATCH_SCORE) {
    return { address: "", location: { x: "NaN", y: "NaN" }, score: 0, attributes: { ...base, Status: "U", Score: 0, Match_addr: "", Addr_type: "" } };
  }
  const tied = matches[1]?.score === top.score;
  const status = tied ? "T" : "M";
  const c = candidate(top, sr, "*");
  return { address: c.address, location: c.location, score: top.score, attributes: { ...base, Status: status, ...pickFields(c.attributes, outFields ?? "*") } };
}

/** geocodeAddresses: one location per record, in an order that is not the input's. */
export function geocodeAddresses(params: Record<string, string>): GeocodeAnswer {
  let records: BatchRecord[];
  try {
    records = (JSON.parse(params.addresses ?? "") as { records?: BatchRecord[] }).records ?? [];
  } catch {
    return BAD("Invalid or missing input parameters.");
  }
  if (!Array.isArray(records) || records.length === 0) return BAD("Invalid or missing input parameters.");
  if (records.length > MAX_BATCH_SIZE) return BAD(`The number of records exceeds the maximum batch size of ${MAX_BATCH_SIZE}.`);
  const sr = outSpatialReference(params.outSR);
  const locations = records.flatMap((r) => batchLocation(r, records.length, sr, params.outFields) ?? []);
  const salt = hashString(params.addresses ?? "");
  const order = locations.map((loc, i) => ({ loc, key: hashUnit(salt, i) })).sort((a, b) => a.key - b.key);
  return { json: { spatialReference: sr, locations: order.map((o) => o.loc) } };
}
