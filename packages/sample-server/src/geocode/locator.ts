import { SERVER_VERSION } from "../metadata/version.js";
import type { SampleAddress } from "./table.js";

/** Folder/name of the sample locator, and its batch limits. */
export const LOCATOR_NAME = "Locators/SampleLocator";
export const MAX_BATCH_SIZE = 250;
export const SUGGESTED_BATCH_SIZE = 150;

const WGS84 = { wkid: 4326, latestWkid: 4326 };
const WEB_MERCATOR = { wkid: 102100, latestWkid: 3857 };

function field(name: string, alias: string, length: number, required = false) {
  return { name, type: "esriFieldTypeString", alias, required, length, localizedNames: {}, recognizedNames: {} };
}

/** The GeocodeServer resource, shaped like ArcGIS Server's. */
export function locatorInfo() {
  return {
    currentVersion: SERVER_VERSION,
    serviceDescription: "Sample locator over a deterministic table of 6,000 US-style addresses.",
    addressFields: [field("Address", "Address", 100), field("City", "City", 50), field("Region", "State", 50), field("Postal", "ZIP", 20)],
    singleLineAddressField: field("SingleLine", "Single Line Input", 200),
    candidateFields: [
      { name: "Loc_name", type: "esriFieldTypeString", alias: "Loc_name", required: false, length: 20 },
      { name: "Score", type: "esriFieldTypeDouble", alias: "Score", required: false },
      { name: "Match_addr", type: "esriFieldTypeString", alias: "Match_addr", required: false, length: 500 },
      { name: "Addr_type", type: "esriFieldTypeString", alias: "Addr_type", required: false, length: 20 },
    ],
    spatialReference: WGS84,
    locatorProperties: {
      UICLSID: "{AE5A3A0E-F756-11D2-9F4F-00C04F8ED1C4}",
      IntersectionConnectors: "& @ | and",
      SuggestedBatchSize: SUGGESTED_BATCH_SIZE,
      MaxBatchSize: MAX_BATCH_SIZE,
      LoadBalancerTimeOut: 60,
      WriteXYCoordFields: "TRUE",
    },
    capabilities: "Geocode,ReverseGeocode,Suggest",
  };
}

/** Output spatial reference: WGS84 unless Web Mercator is asked for. */
export function outSpatialReference(outSR: string | undefined) {
  if (!outSR) return WGS84;
  let wkid: number | undefined;
  try {
    wkid = /^\d+$/.test(outSR) ? Number(outSR) : (JSON.parse(outSR) as { wkid?: number }).wkid;
  } catch {
    wkid = undefined;
  }
  return wkid === 102100 || wkid === 3857 ? WEB_MERCATOR : WGS84;
}

/** A WGS84 point in the output spatial reference. */
export function project(x: number, y: number, sr: { wkid: number }): { x: number; y: number } {
  if (sr.wkid !== 102100) return { x, y };
  const r = 6378137;
  return { x: (r * x * Math.PI) / 180, y: r * Math.log(Math.tan(Math.PI / 4 + (y * Math.PI) / 360)) };
}

/** A WGS84 point from a point in Web Mercator or WGS84. */
export function unproject(x: number, y: number, wkid: number): { x: number; y: number } {
  if (wkid !== 102100 && wkid !== 3857) return { x, y };
  const r = 6378137;
  return { x: (x / r) * (180 / Math.PI), y: (2 * Math.atan(Math.exp(y / r)) - Math.PI / 2) * (180 / Math.PI) };
}

/** Candidate attributes of an address (`outFields=*`). */
export function candidateAttributes(address: SampleAddress, score: number): Record<string, unknown> {
  return {
    Loc_name: "SampleLocator",
    Score: score,
    Match_addr: address.label,
    Addr_type: "PointAddress",
    AddNum: String(address.number),
    StAddr: `${address.number} ${address.street}`,
    City: address.city,
    Region: address.region,
    Postal: address.postal,
    X: address.x,
    Y: address.y,
  };
}

/** Keeps the attributes `outFields` asks for ("*" for all; none by default). */
export function pickFields(attributes: Record<string, unknown>, outFields: string | undefined): Record<string, unknown> {
  if (!outFields) return {};
  if (outFields.trim() === "*") return attributes;
  const wanted = outFields.split(",").map((f) => f.trim().toLowerCase());
  return Object.fromEntries(Object.entries(attributes).filter(([name]) => wanted.includes(name.toLowerCase())));
}
