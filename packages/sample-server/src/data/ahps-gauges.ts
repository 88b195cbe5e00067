import { dateField, oidField, stringField, codedValueDomain } from "./field-builders.js";
import { GAUGE_LAYER_DEFAULTS, gaugeFeatures, gaugeFields, generateGaugeSites, OBSERVATION_BASE_TIME, type GaugeSite } from "./gauges.js";
import { OWNER_NAMES } from "./names.js";
import { guid, type Prng } from "./prng.js";
import { randomColor, samplePng, sampleText } from "./sample-files.js";
import type { SampleAttachment, SampleFeature, SampleLayer, SampleService } from "./types.js";

/** Number of observed gauges in the default dataset. */
export const GAUGE_COUNT = 6000;
/** How many of them lie in the Sacramento box of the seed's clip example. */
export const SACRAMENTO_GAUGES = 48;

const AGENCIES: [string, string][] = [
  ["USGS", "U.S. Geological Survey"],
  ["USACE", "U.S. Army Corps of Engineers"],
  ["NWS", "National Weather Service"],
  ["STATE", "State agency"],
  ["LOCAL", "Local government"],
  ["PRIVATE", "Private utility"],
];

function ownerRows(rng: Prng, sites: GaugeSite[]): SampleFeature[] {
  const rows: SampleFeature[] = [];
  const add = (site: GaugeSite): void => {
    rows.push({
      attributes: {
        objectid: rows.length + 1,
        gaugelid: site.gaugelid,
        agency: rng.pick(AGENCIES)[0],
        owner_name: `${rng.pick(OWNER_NAMES)} ${rng.pick(["Water District", "Hydrology Office", "Field Unit", "River Authority"])}`,
        since: Date.UTC(rng.int(1950, 2020), rng.int(0, 11), rng.int(1, 28)),
      },
      geometry: null,
    });
  };
  for (const site of sites) {
    if (rng.chance(0.85)) add(site);
    if (rng.chance(0.15)) add(site);
  }
  return rows;
}

function gaugeAttachments(rng: Prng, features: SampleFeature[]): SampleAttachment[] {
  const attachments: SampleAttachment[] = [];
  // A handful of features with photos and field notes, as real gauge layers have.
  for (const objectId of [1, 2, 3, 5, 8, 13]) {
    const feature = features[objectId - 1];
    const lid = String(feature.attributes.gaugelid);
    const photos = objectId % 2 === 1 ? 2 : 1;
    for (let p = 0; p < photos; p++) {
      attachments.push({
        id: attachments.length + 1,
        parentObjectId: objectId,
        globalId: guid(rng),
        name: `${lid}_photo${p + 1}.png`,
        contentType: "image/png",
        keywords: "photo",
        data: samplePng(16 + 8 * p, randomColor(rng)),
      });
    }
    if (objectId % 3 !== 0) {
      attachments.push({
        id: attachments.length + 1,
        parentObjectId: objectId,
        globalId: guid(rng),
        name: `${lid}_notes.txt`,
        contentType: "text/plain",
        keywords: "notes",
        data: sampleText([`Gauge ${lid}: ${String(feature.attributes.location)}`, `State: ${String(feature.attributes.state)}`, "Datum checked; staff gage readable."]),
      });
    }
  }
  return attachments;
}

/** The root `ahps_gauges` MapServer: observed and forecast river stages and the gauge owners table. */
export function createAhpsGaugesService(rng: Prng): SampleService {
  const sites = generateGaugeSites(rng, GAUGE_COUNT, SACRAMENTO_GAUGES);
  const observed = gaugeFeatures(rng, sites, "obstime");
  const forecastSites = sites.filter(() => rng.chance(0.3));
  const forecasts = gaugeFeatures(rng, forecastSites, "fcsttime");
  const owners = ownerRows(rng, sites);
  const attachments = gaugeAttachments(rng, observed);

  const common = { ...GAUGE_LAYER_DEFAULTS, offsetCostMsPer1000: 1 };
  const observedLayer: SampleLayer = {
    ...common,
    id: 0,
    name: "observed_river_stages",
    description: "Observed river stages at NWS AHPS river gauges.",
    fields: gaugeFields("obstime"),
    timeInfo: { startTimeField: "obstime" },
    features: observed,
    nextObjectId: observed.length + 1,
    relationships: [
      {
        id: 0,
        name: "gauge_owners",
        relatedTableId: 2,
        cardinality: "esriRelCardinalityOneToMany",
        role: "esriRelRoleOrigin",
        keyField: "gaugelid",
        relatedKeyField: "gaugelid",
        composite: false,
      },
    ],
    hasAttachments: true,
    attachments,
    nextAttachmentId: attachments.length + 1,
  };
  const forecastLayer: SampleLayer = {
    ...common,
    id: 1,
    name: "forecast_river_stages",
    description: "Forecast river stages at NWS AHPS river gauges.",
    fields: gaugeFields("fcsttime"),
    timeInfo: { startTimeField: "fcsttime" },
    features: forecasts,
    nextObjectId: forecasts.length + 1,
  };
  const ownersTable: SampleLayer = {
    id: 2,
    name: "gauge_owners",
    type: "Table",
    wkid: 4326,
    objectIdField: "objectid",
    displayField: "owner_name",
    description: "Agencies operating the gauges.",
    fields: [
      oidField(),
      stringField("gaugelid", 5, "GaugeLID"),
      stringField("agency", 10, "Agency", { domain: codedValueDomain("Agency", AGENCIES) }),
      stringField("owner_name", 80, "Owner"),
      dateField("since", "Operating Since"),
    ],
    features: owners,
    nextObjectId: owners.length + 1,
    maxRecordCount: 1000,
    supportsPagination: true,
    supportsOrderBy: true,
    currentVersion: 10.81,
    capabilities: "Map,Query,Data",
    relationships: [
      {
        id: 0,
        name: "gauge_owners",
        relatedTableId: 0,
        cardinality: "esriRelCardinalityOneToMany",
        role: "esriRelRoleDestination",
        keyField: "gaugelid",
        relatedKeyField: "gaugelid",
        composite: false,
      },
    ],
  };
  return {
    name: "ahps_gauges",
    type: "MapServer",
    serviceDescription: "NWS Advanced Hydrologic Prediction Service river gauges (generated sample data).",
    description: `Observations as of ${new Date(OBSERVATION_BASE_TIME).toISOString()}.`,
    layers: [observedLayer, forecastLayer, ownersTable],
    currentVersion: 10.81,
  };
}
