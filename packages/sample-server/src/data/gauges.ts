import { codedValueDomain, dateField, doubleField, oidField, stringField } from "./field-builders.js";
import { SACRAMENTO_TOWNS, SACRAMENTO_WATERBODIES, TOWNS, WATERBODIES } from "./names.js";
import type { Prng } from "./prng.js";
import type { SampleFeature, SampleField, SampleLayer } from "./types.js";
import { shefStateCode, US_STATES, type StateArea } from "./us-states.js";

/** The Sacramento area box of the seed's clip example: [west, south, east, north]. */
export const SACRAMENTO_BOX: [number, number, number, number] = [-121.5, 38.3, -121.2, 38.6];

/** AHPS gauge statuses (codes as NOAA publishes them). */
export const GAUGE_STATUSES: [string, string][] = [
  ["no_flooding", "No Flooding"],
  ["action", "Action"],
  ["minor", "Minor Flooding"],
  ["moderate", "Moderate Flooding"],
  ["major", "Major Flooding"],
  ["low_threshold", "Below Low Threshold"],
  ["obs_not_current", "Observations Not Current"],
  ["out_of_service", "Out of Service"],
  ["not_defined", "Flood Category Not Defined"],
];

const STATUS_WEIGHTS = [62, 6, 3, 1.5, 0.5, 4, 6, 2, 15];

/** Fields of a gauge layer; `timeField` is "obstime" (observed) or "fcsttime" (forecast). */
export function gaugeFields(timeField: "obstime" | "fcsttime"): SampleField[] {
  return [
    oidField(),
    stringField("gaugelid", 5, "GaugeLID"),
    stringField("status", 20, "Status", { domain: codedValueDomain("AHPS_Status", GAUGE_STATUSES) }),
    stringField("location", 90, "Location"),
    stringField("state", 2, "State"),
    stringField("waterbody", 60, "Waterbody"),
    dateField(timeField, timeField === "obstime" ? "Observation Time" : "Forecast Time"),
    doubleField("stage", "Stage (ft)"),
    doubleField("flow", "Flow (cfs)"),
  ];
}

/** What the related table and forecasts need to know about a generated gauge. */
export interface GaugeSite {
  gaugelid: string;
  state: string;
  location: string;
  waterbody: string;
  x: number;
  y: number;
}

function weightedIndex(rng: Prng, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** Splits `total` over weights by largest remainders (so the counts add up exactly). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k][1]] += 1;
  return counts;
}

function pointIn(rng: Prng, box: [number, number, number, number]): [number, number] {
  return [round(rng.range(box[0], box[2]), 5), round(rng.range(box[1], box[3]), 5)];
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Generates gauge sites across the US states (weighted), with `sacramento` of them inside the
 * Sacramento box (California), shuffled so object ids do not follow states.
 */
export function generateGaugeSites(rng: Prng, count: number, sacramento: number): GaugeSite[] {
  const used = new Set<string>();
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const lid = (state: StateArea): string => {
    for (;;) {
      const id = `${rng.pick([...letters])}${rng.pick([...letters])}${rng.pick([...letters])}${shefStateCode(state)}`;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  const sites: GaugeSite[] = [];
  const california = US_STATES.find((s) => s.abbr === "CA")!;
  for (let i = 0; i < Math.min(sacramento, count); i++) {
    const [x, y] = pointIn(rng, SACRAMENTO_BOX);
    const waterbody = rng.pick(SACRAMENTO_WATERBODIES);
    sites.push({ gaugelid: lid(california), state: "CA", location: `${waterbody} at ${rng.pick(SACRAMENTO_TOWNS)}`, waterbody, x, y });
  }
  const perState = apportion(Math.max(0, count - sites.length), US_STATES.map((s) => s.weight));
  US_STATES.forEach((state, index) => {
    const areas = state.boxes.map((b) => (b[2] - b[0]) * (b[3] - b[1]));
    for (let i = 0; i < perState[index]; i++) {
      const [x, y] = pointIn(rng, state.boxes[weightedIndex(rng, areas)]);
      const waterbody = rng.pick(WATERBODIES);
      const town = rng.pick(TOWNS);
      const location = `${waterbody} ${rng.chance(0.7) ? "at" : "near"} ${town}`;
      sites.push({ gaugelid: lid(state), state: state.abbr, location, waterbody, x, y });
    }
  });
  // Fisher-Yates, so object ids are not grouped by state.
  for (let i = sites.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [sites[i], sites[j]] = [sites[j], sites[i]];
  }
  return sites;
}

/** Base time of generated observations: 2024-06-14T12:00Z. */
export const OBSERVATION_BASE_TIME = Date.UTC(2024, 5, 14, 12);

/** Gauge features (observations or forecasts) for sites; object ids 1..n in site order. */
export function gaugeFeatures(rng: Prng, sites: GaugeSite[], timeField: "obstime" | "fcsttime"): SampleFeature[] {
  const quarterHour = 15 * 60 * 1000;
  return sites.map((site, index) => {
    const status = GAUGE_STATUSES[weightedIndex(rng, STATUS_WEIGHTS)][0];
    const offset = rng.int(0, 72 * 4) * quarterHour;
    const time = timeField === "obstime" ? OBSERVATION_BASE_TIME - offset : OBSERVATION_BASE_TIME + offset + quarterHour;
    return {
      attributes: {
        objectid: index + 1,
        gaugelid: site.gaugelid,
        status,
        location: site.location,
        state: site.state,
        waterbody: site.waterbody,
        [timeField]: time,
        stage: round(rng.range(0.5, 38), 2),
        flow: rng.chance(0.15) ? null : round(Math.exp(rng.range(Math.log(5), Math.log(250_000))), 1),
      },
      geometry: { x: site.x, y: site.y },
    };
  });
}

/** What every gauge point layer shares (WGS84 points, 1,000 per page, pagination, 10.81). */
export const GAUGE_LAYER_DEFAULTS = {
  type: "Feature Layer",
  geometryType: "esriGeometryPoint",
  wkid: 4326,
  objectIdField: "objectid",
  displayField: "location",
  maxRecordCount: 1000,
  supportsPagination: true,
  supportsOrderBy: true,
  currentVersion: 10.81,
  capabilities: "Map,Query,Data",
} as const satisfies Partial<SampleLayer>;
