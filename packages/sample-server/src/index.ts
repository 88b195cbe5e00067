/**
 * @arcrest/sample-server: a GeoServices-compatible ArcGIS REST server with sample data, for
 * tests, the demo and benchmarks. Private to the monorepo; shares no code with the client.
 *
 * @packageDocumentation
 */
export { startSampleServer } from "./server.js";
export { startResourceProxy, type ProxiedRequest } from "./proxy.js";
export { startSampleServerAndFolder } from "./with-folder.js";
export type { SampleServer, SampleServerOptions, RecordedRequest, SamplePortal } from "./types.js";
export type { PortalTokenLeak } from "./portal/state.js";
export { PORTAL_ITEM_COUNT } from "./portal/state.js";
export type { Fault, FaultKind, FaultRule, FaultController, RandomFaultOptions } from "./faults/types.js";
export type { TokenController, IssuedToken } from "./auth/tokens.js";
export { createDefaultDataset, type DefaultDatasetOptions } from "./data/default-dataset.js";
export { createSyntheticPointsService, syntheticPointSource, SYNTHETIC_SERVICE_NAME } from "./data/synthetic.js";
export { SACRAMENTO_BOX } from "./data/gauges.js";
export { GAUGE_COUNT, SACRAMENTO_GAUGES } from "./data/ahps-gauges.js";
export { INCIDENT_COUNT } from "./data/incidents.js";
export { ODD_COUNTS } from "./data/odd.js";
export { inspectionsLayer, type InspectionsLayerOptions } from "./data/inspections.js";
export type {
  SampleDataset,
  SampleService,
  SampleLayer,
  SampleFeature,
  SampleField,
  SampleGeometry,
  SampleGeometryType,
  SampleRelationship,
  SampleAttachment,
  SampleExtent,
  LazyFeatureSource,
} from "./data/types.js";
