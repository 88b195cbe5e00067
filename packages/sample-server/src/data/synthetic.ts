import { codedValueDomain, dateField, doubleField, integerField, oidField, stringField } from "./field-builders.js";
import { lazyFeatureArray } from "./lazy-features.js";
import { hashUnit } from "./prng.js";
import type { LazyFeatureSource, SampleDataset, SampleFeature, SampleService } from "./types.js";

/** Name of the synthetic benchmark service. */
export const SYNTHETIC_SERVICE_NAME = "Bench/SyntheticPoints";

const CATEGORIES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
const WEST = -124.7;
const SOUTH = 24.5;
const WIDTH = 57.7;
const HEIGHT = 24.9;
const BASE_TIME = Date.UTC(2024, 0, 1);

/**
 * A lazy source of `count` points spread over the contiguous US: feature i is computed from
 * (seed, i) alone, so any page can be built without building the others.
 */
export function syntheticPointSource(count: number, seed: number): LazyFeatureSource {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`synthetic point count must be a non-negative integer, got ${count}`);
  return {
    count,
    extent: { xmin: WEST, ymin: SOUTH, xmax: WEST + WIDTH, ymax: SOUTH + HEIGHT },
    featureAt(index: number): SampleFeature {
      if (!(index >= 0 && index < count)) throw new RangeError(`feature index ${index} outside [0, ${count})`);
      const x = Math.round((WEST + WIDTH * hashUnit(seed, index, 1)) * 1e6) / 1e6;
      const y = Math.round((SOUTH + HEIGHT * hashUnit(seed, index, 2)) * 1e6) / 1e6;
      const category = CATEGORIES[Math.floor(hashUnit(seed, index, 3) * CATEGORIES.length)];
      return {
        attributes: {
          objectid: index + 1,
          name: `pt-${index + 1}`,
          category,
          value: Math.round(hashUnit(seed, index, 4) * 1e6) / 100,
          rank: Math.floor(hashUnit(seed, index, 5) * 1000),
          obsdate: BASE_TIME + Math.floor(hashUnit(seed, index, 6) * 365) * 86_400_000,
        },
        geometry: { x, y },
      };
    },
  };
}

/**
 * The `Bench/SyntheticPoints` MapServer: layer 0 "points" with `n` generated point features
 * (deterministic for a seed), maxRecordCount 2000, pagination on; features are generated on demand.
 */
export function createSyntheticPointsService(n: number, seed = 1): SampleService {
  const lazy = syntheticPointSource(n, seed);
  return {
    name: SYNTHETIC_SERVICE_NAME,
    type: "MapServer",
    currentVersion: 10.81,
    serviceDescription: `${n} synthetic points for benchmarks.`,
    layers: [
      {
        id: 0,
        name: "points",
        type: "Feature Layer",
        geometryType: "esriGeometryPoint",
        wkid: 4326,
        objectIdField: "objectid",
        displayField: "name",
        fields: [
          oidField(),
          stringField("name", 20, "Name"),
          stringField("category", 10, "Category", { domain: codedValueDomain("Category", CATEGORIES.map((c) => [c, c.toUpperCase()])) }),
          doubleField("value", "Value"),
          integerField("rank", "Rank"),
          dateField("obsdate", "Observed"),
        ],
        features: lazyFeatureArray(lazy),
        lazy,
        nextObjectId: n + 1,
        maxRecordCount: 2000,
        supportsPagination: true,
        supportsOrderBy: true,
        currentVersion: 10.81,
        capabilities: "Map,Query,Data",
        offsetCostMsPer1000: 0.5,
      },
    ],
  };
}

/** Adds (or replaces) the synthetic points service in a dataset. */
export function addSyntheticPointsService(dataset: SampleDataset, n: number, seed: number): void {
  dataset.services = dataset.services.filter((s) => s.name !== SYNTHETIC_SERVICE_NAME);
  dataset.services.push(createSyntheticPointsService(n, seed));
  if (!dataset.folders.includes("Bench")) dataset.folders.push("Bench");
}
