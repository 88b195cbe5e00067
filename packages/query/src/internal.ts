/**
 * `@arcrest/query/internal`: helpers shared with other `@arcrest/*` packages that are not
 * part of the public API. Names here may change in any release; applications should not import them.
 *
 * @internal
 * @module
 */
export { parseAttachmentInfos } from "./parse/attachment-infos.js";
