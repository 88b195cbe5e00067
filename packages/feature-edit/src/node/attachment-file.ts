import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".tif": "image/tiff",
  ".tiff": "image/tiff",
  ".webp": "image/webp",
  ".pdf": "application/pdf",
  ".txt": "text/plain",
  ".csv": "text/csv",
  ".json": "application/json",
  ".xml": "application/xml",
  ".zip": "application/zip",
  ".mp4": "video/mp4",
  ".mp3": "audio/mpeg",
};

/** A file read from disk, ready for `addAttachment` / `updateAttachment`. */
export interface AttachmentFile {
  data: Uint8Array;
  name: string;
  contentType: string;
}

/**
 * Reads a file to attach (the seed's `addAttachment(oid, "python.png")`):
 * `layer.addAttachment(oid, await attachmentFile("python.png"))`.
 * The content type comes from the extension unless given.
 */
export async function attachmentFile(path: string, options: { name?: string; contentType?: string } = {}): Promise<AttachmentFile> {
  const data = new Uint8Array(await readFile(path));
  return {
    data,
    name: options.name ?? basename(path),
    contentType: options.contentType ?? CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream",
  };
}
