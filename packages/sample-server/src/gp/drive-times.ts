import { toGeographic, toWebMercator } from "../query/projection.js";
import { spatialReferenceJson } from "../metadata/spatial-reference.js";
import { GPInputError, type GPEnvironment } from "./types.js";
import type { InputFeatureSet } from "./parse-inputs.js";

/** Metres covered per minute of driving (about 48 km/h). */
export const METRES_PER_MINUTE = 800;
/** Vertices of each drive-time circle. */
const VERTICES = 32;

/** The break values of a `Drive_Times` string such as "1 2 3". */
export function parseBreaks(text: unknown): number[] {
  const parts = String(text).trim().split(/[\s,;]+/).filter(Boolean);
  const breaks = parts.map(Number);
  if (breaks.length === 0 || breaks.some((b) => !Number.isFinite(b) || b <= 0)) {
    throw new GPInputError("Drive_Times", `${JSON.stringify(text)} is not a list of positive minutes`);
  }
  return breaks;
}

/** A clockwise ring (ArcGIS outer-ring order) around a Web Mercator centre. */
function circle(cx: number, cy: number, radius: number, wkid: number): number[][] {
  const ring: number[][] = [];
  for (let i = 0; i <= VERTICES; i++) {
    const angle = (-2 * Math.PI * (i % VERTICES)) / VERTICES;
    const x = cx + radius * Math.cos(angle);
    const y = cy + radius * Math.sin(angle);
    ring.push(wkid === 4326 ? toGeographic(x, y) : [x, y]);
  }
  return ring;
}

const OUTPUT_FIELDS = [
  { name: "ObjectID", type: "esriFieldTypeOID", alias: "ObjectID" },
  { name: "FacilityID", type: "esriFieldTypeInteger", alias: "FacilityID" },
  { name: "Name", type: "esriFieldTypeString", alias: "Name", length: 128 },
  { name: "FromBreak", type: "esriFieldTypeDouble", alias: "FromBreak" },
  { name: "ToBreak", type: "esriFieldTypeDouble", alias: "ToBreak" },
];

/** The feature set schema of `Input_Location` (default value of the parameter). */
export const INPUT_LOCATION_SCHEMA = {
  displayFieldName: "",
  geometryType: "esriGeometryPoint",
  spatialReference: spatialReferenceJson(3857),
  fields: [{ name: "FID", type: "esriFieldTypeOID", alias: "FID" }],
  features: [],
  exceededTransferLimit: false,
};

/**
 * The seed's CreateDriveTimePolygons: one circle per input point and break, radius
 * `minutes × METRES_PER_MINUTE`, largest break first (as Network Analyst draws them).
 */
export function driveTimePolygons(locations: InputFeatureSet, breaksText: unknown, env: Pick<GPEnvironment, "outWkid">): Record<string, unknown> {
  const breaks = parseBreaks(breaksText).sort((a, b) => b - a);
  if (locations.geometryType !== "esriGeometryPoint") throw new GPInputError("Input_Location", "expected point features");
  const outWkid = env.outWkid === undefined ? locations.wkid : env.outWkid === 102100 ? 3857 : env.outWkid;
  if (outWkid !== 4326 && outWkid !== 3857) throw new GPInputError("env:outSR", `spatial reference ${outWkid} is not supported`);
  const features: Record<string, unknown>[] = [];
  locations.features.forEach((feature, index) => {
    const g = feature.geometry;
    if (!g || typeof g.x !== "number" || typeof g.y !== "number") throw new GPInputError("Input_Location", `feature ${index} has no point geometry`);
    const [cx, cy] = locations.wkid === 4326 ? toWebMercator(g.x, g.y) : [g.x, g.y];
    for (const minutes of breaks) {
      const id = features.length + 1;
      features.push({
        attributes: { ObjectID: id, FacilityID: index + 1, Name: `Location ${index + 1} : 0 - ${minutes}`, FromBreak: 0, ToBreak: minutes },
        geometry: { rings: [circle(cx, cy, minutes * METRES_PER_MINUTE, outWkid)] },
      });
    }
  });
  return {
    displayFieldName: "",
    geometryType: "esriGeometryPolygon",
    spatialReference: spatialReferenceJson(outWkid),
    fields: OUTPUT_FIELDS,
    features,
    exceededTransferLimit: false,
  };
}
