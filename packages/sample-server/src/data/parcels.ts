import { codedValueDomain, doubleField, oidField, stringField } from "./field-builders.js";
import { OWNER_NAMES, STREETS } from "./names.js";
import type { Prng } from "./prng.js";
import type { SampleFeature, SampleService } from "./types.js";

const LAND_USES: [string, string][] = [
  ["RES", "Residential"],
  ["COM", "Commercial"],
  ["IND", "Industrial"],
  ["AGR", "Agricultural"],
  ["PUB", "Public"],
];

/** `Secure/Parcels`: a polygon layer that needs a token. */
export function createParcelsService(rng: Prng): SampleService {
  const features: SampleFeature[] = [];
  const cols = 15;
  const rows = 12;
  const size = 0.002; // about 200 m
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x0 = Math.round((-121.52 + c * size) * 1e6) / 1e6;
      const y0 = Math.round((38.55 + r * size) * 1e6) / 1e6;
      const x1 = Math.round((x0 + size * 0.95) * 1e6) / 1e6;
      const y1 = Math.round((y0 + size * 0.95) * 1e6) / 1e6;
      const id = features.length + 1;
      features.push({
        attributes: {
          objectid: id,
          parcel_id: `${String(r).padStart(3, "0")}-${String(c).padStart(3, "0")}-${String(rng.int(0, 99)).padStart(2, "0")}`,
          owner: `${rng.pick(OWNER_NAMES)} ${rng.pick(["Trust", "LLC", "Family", "Holdings"])}`,
          situs: `${rng.int(100, 9999)} ${rng.pick(STREETS)}`,
          land_use: rng.pick(LAND_USES)[0],
          acres: Math.round(size * size * 0.9025 * 111.32 * 87.4 * 247.105 * 100) / 100,
        },
        geometry: { rings: [[[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]]] },
      });
    }
  }
  return {
    name: "Secure/Parcels",
    type: "MapServer",
    currentVersion: 10.81,
    secured: true,
    serviceDescription: "Parcels (token required).",
    layers: [
      {
        id: 0,
        name: "parcels",
        type: "Feature Layer",
        geometryType: "esriGeometryPolygon",
        wkid: 4326,
        objectIdField: "objectid",
        displayField: "parcel_id",
        fields: [
          oidField(),
          stringField("parcel_id", 12, "Parcel ID"),
          stringField("owner", 80, "Owner"),
          stringField("situs", 80, "Situs Address"),
          stringField("land_use", 3, "Land Use", { domain: codedValueDomain("LandUse", LAND_USES) }),
          doubleField("acres", "Acres"),
        ],
        features,
        nextObjectId: features.length + 1,
        maxRecordCount: 1000,
        supportsPagination: true,
        supportsOrderBy: true,
        currentVersion: 10.81,
        capabilities: "Map,Query,Data",
      },
    ],
  };
}
