import { codedValueDomain, globalIdField, oidField, smallIntegerField, stringField } from "./field-builders.js";
import { STREETS } from "./names.js";
import { guid, type Prng } from "./prng.js";
import { randomColor, samplePng, sampleText } from "./sample-files.js";
import type { SampleAttachment, SampleFeature, SampleLayer, SampleService } from "./types.js";

/** Number of incidents in the default dataset. */
export const INCIDENT_COUNT = 400;

const REQUEST_TYPES = [
  "Damaged Property",
  "Graffiti",
  "Pothole",
  "Street Light Out",
  "Abandoned Vehicle",
  "Sidewalk Repair",
  "Illegal Dumping",
  "Tree Maintenance",
  "Sewer Issue",
  "Noise Complaint",
];

const STATUSES: [number, string][] = [
  [1, "New"],
  [2, "Open"],
  [3, "Closed"],
];

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function incident(rng: Prng, objectId: number): SampleFeature {
  const x = Math.round(rng.range(-122.51, -122.38) * 1e6) / 1e6;
  const y = Math.round(rng.range(37.71, 37.81) * 1e6) / 1e6;
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return {
    attributes: {
      objectid: objectId,
      globalid: guid(rng),
      req_type: rng.pick(REQUEST_TYPES),
      req_date: `${pad(month)}/${pad(day)}/2009`,
      req_time: `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}`,
      address: `${rng.int(1, 3999)} ${rng.pick(STREETS)}`,
      x_coord: x.toFixed(4),
      y_coord: y.toFixed(4),
      district: String(rng.int(1, 11)),
      status: rng.pick(STATUSES)[0],
    },
    geometry: { x, y },
  };
}

/** `SanFrancisco/311Incidents`: an editable point layer published as MapServer and FeatureServer. */
export function createIncidentsService(rng: Prng): SampleService {
  const features = Array.from({ length: INCIDENT_COUNT }, (_, i) => incident(rng, i + 1));
  const attachments: SampleAttachment[] = [
    { parentObjectId: 1, name: "damage.png", contentType: "image/png", data: samplePng(24, randomColor(rng)) },
    { parentObjectId: 1, name: "report.txt", contentType: "text/plain", data: sampleText(["Reported by phone.", "Crew dispatched."]) },
    { parentObjectId: 4, name: "site.png", contentType: "image/png", data: samplePng(20, randomColor(rng)) },
  ].map((a, i) => ({ ...a, id: i + 1, globalId: guid(rng), keywords: "" }));
  const layer: SampleLayer = {
    id: 0,
    name: "incidents",
    type: "Feature Layer",
    geometryType: "esriGeometryPoint",
    wkid: 4326,
    objectIdField: "objectid",
    globalIdField: "globalid",
    displayField: "req_type",
    typeIdField: "status",
    description: "311 service requests (generated sample data).",
    fields: [
      oidField(),
      globalIdField(),
      stringField("req_type", 40, "Request Type"),
      stringField("req_date", 30, "Request Date"),
      stringField("req_time", 10, "Request Time"),
      stringField("address", 80, "Address"),
      stringField("x_coord", 20, "X Coordinate"),
      stringField("y_coord", 20, "Y Coordinate"),
      stringField("district", 10, "District"),
      smallIntegerField("status", "Status", { domain: codedValueDomain("IncidentStatus", STATUSES) }),
    ],
    features,
    nextObjectId: features.length + 1,
    maxRecordCount: 1000,
    supportsPagination: true,
    supportsOrderBy: true,
    currentVersion: 10.81,
    capabilities: "Query,Create,Update,Delete,Uploads,Editing,Sync",
    hasAttachments: true,
    attachments,
    nextAttachmentId: attachments.length + 1,
    lastEditDate: Date.UTC(2024, 5, 1),
  };
  return {
    name: "SanFrancisco/311Incidents",
    type: "MapServer",
    featureServer: true,
    serviceDescription: "San Francisco 311 incidents (generated sample data).",
    layers: [layer],
    currentVersion: 10.81,
  };
}
