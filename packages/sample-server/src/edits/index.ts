/** The edit engine: feature edits, attachments, uploads, calculate and replica data over the sample data model. */
export * from "./edit-error.js";
export * from "./global-id.js";
export * from "./coerce-value.js";
export * from "./coerce-geometry.js";
export * from "./layer-transaction.js";
export * from "./apply-edits.js";
export * from "./attachment-edits.js";
export * from "./uploads.js";
export * from "./calculate.js";
export * from "./edit-state.js";
export * from "./replica-data.js";
export * from "./capabilities.js";
