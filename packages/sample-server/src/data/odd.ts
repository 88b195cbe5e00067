import { GAUGE_LAYER_DEFAULTS, gaugeFeatures, gaugeFields, generateGaugeSites } from "./gauges.js";
import type { Prng } from "./prng.js";
import type { SampleLayer, SampleService } from "./types.js";

/** Feature counts of the odd services. */
export const ODD_COUNTS = { noPagination: 3500, shortPages: 4500 } as const;

function gaugeLayer(rng: Prng, count: number, overrides: Partial<SampleLayer>): SampleLayer {
  const features = gaugeFeatures(rng, generateGaugeSites(rng, count, 0), "obstime");
  return {
    ...GAUGE_LAYER_DEFAULTS,
    id: 0,
    name: "gauges",
    fields: gaugeFields("obstime"),
    features,
    nextObjectId: features.length + 1,
    ...overrides,
  };
}

/**
 * The services of the `Odd` folder, each emulating a server quirk clients must survive:
 * `NoPagination` (a 10.2 server: no pagination, resultOffset ignored), `ShortPages` (advertises
 * 2000 per page, serves 1000 with exceededTransferLimit) and `Empty` (no features at all).
 */
export function createOddServices(rng: Prng): SampleService[] {
  return [
    {
      name: "Odd/NoPagination",
      type: "MapServer",
      currentVersion: 10.2,
      serviceDescription: "An old server: no pagination support, resultOffset is ignored.",
      layers: [gaugeLayer(rng, ODD_COUNTS.noPagination, { currentVersion: 10.2, supportsPagination: false, supportsOrderBy: false })],
    },
    {
      name: "Odd/ShortPages",
      type: "MapServer",
      currentVersion: 10.81,
      serviceDescription: "Advertises maxRecordCount 2000 but serves at most 1000 features per page.",
      layers: [gaugeLayer(rng, ODD_COUNTS.shortPages, { maxRecordCount: 2000, servedPageSize: 1000 })],
    },
    {
      name: "Odd/Empty",
      type: "MapServer",
      currentVersion: 10.81,
      serviceDescription: "A layer without features.",
      layers: [{ ...gaugeLayer(rng, 0, {}), name: "empty", features: [], nextObjectId: 1 }],
    },
  ];
}
