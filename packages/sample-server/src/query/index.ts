/**
 * The sample server's query engine: layer `query`, `queryRelatedRecords` and `queryAttachments`
 * over the in-memory data model, answering like ArcGIS Server (errors as JSON bodies with HTTP 200).
 */
export type { QueryOutcome } from "./outcome.js";
export { executeQuery } from "./query.js";
export { executeRelatedQuery } from "./related.js";
export { type AttachmentQueryOptions, executeAttachmentQuery } from "./attachments.js";
