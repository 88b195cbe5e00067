/**
 * `@arcrest/query/internal`: helpers shared with other `@arcrest/*` packages that are not
 * part of the public API. Names here may change in any release; applications should not import them.
 *
 * @internal
 * @module
 */
export { parseAttachmentInfos } from "./parse/attachment-infos.js";
export { streamPagesWith, type PageReader } from "./features/stream-features.js";
export type { FetchedPage } from "./paging/types.js";
export { parseFeatureSet } from "./parse/feature-set.js";
export { esriFeatureNormalizer } from "./features/feature-normalizer.js";
export { flattenPages, TAKE_BUFFERED } from "./features/flatten-pages.js";
