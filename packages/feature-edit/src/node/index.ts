/**
 * `@arcrest/feature-edit/node`: file-system helpers for Node (the main entry stays
 * browser-safe): read a file to attach, download every attachment of a layer to a folder.
 *
 * @module
 */
export { attachmentFile, type AttachmentFile } from "./attachment-file.js";
export { downloadAllAttachments, defaultAttachmentPath, type DownloadAllOptions, type DownloadedAttachment } from "./download-all-attachments.js";
export { saveAttachment } from "@arcrest/query/node";
