/**
 * `@arcrest/core/projection`: projecting geometries with proj4. Kept in its own
 * entry point so code that never projects never loads proj4.
 *
 * @module
 */
export { project, getProjector, isWebMercator, type XYProjector } from "./project.js";
export {
  registerProjection,
  isProjectionKnown,
  resolveDefinition,
  type SpatialReferenceInput,
} from "./registry.js";
export { UnknownProjectionError } from "./errors.js";
export { WEB_MERCATOR_WKIDS, WGS84_WKIDS } from "./definitions.js";
