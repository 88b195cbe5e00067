/**
 * `@arcrest/query/node`: file-writing helpers for Node (the main entry stays browser-safe).
 *
 * @module
 */
export { saveAttachment } from "./save-attachment.js";
export { saveMapImage } from "./save-map-image.js";
