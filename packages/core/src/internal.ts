/**
 * `@arcrest/core/internal`: helpers shared by `@arcrest/*` packages that are not part of
 * the public API. Names here may change in any release; applications should not import them.
 *
 * @internal
 * @module
 */
export { cleanUrl, parseServiceUrl, type ServiceUrlParts } from "./catalog/service-url.js";
export { serverRoot } from "./auth/server-root.js";
export { positionOf } from "./geometry/coordinates.js";
export { normalizeEsriGeometry, closeRing, type ZMDefaults } from "./geometry/normalize-esri.js";
export { groupRings, type RingGroup } from "./geometry/group-rings.js";
export { ringArea } from "./geometry/ring-area.js";
export { classifyPointInRing, type RingContainment } from "./geometry/point-in-ring.js";
export { geometryQueryParams } from "./geometry/query-params.js";
export { safeFileName, MAX_SAFE_NAME_BYTES } from "./files/safe-file-name.js";
export { concatBytes } from "./bytes/concat-bytes.js";
