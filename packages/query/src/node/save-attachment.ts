import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { CallOptions } from "@arcrest/core";
import { safeFileName } from "@arcrest/core/internal";
import type { Attachment } from "../attachments/attachment.js";
import { writeFileAtomic } from "@arcrest/core/node";

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Downloads an attachment to disk (the seed's `attachment.download(folder)`).
 * A folder (existing, or given with a trailing slash) receives the file under
 * the attachment's own name, made safe (its last path segment only, no `..`, control characters or
 * reserved device names such as `CON`, at most 200 bytes; `attachment-<id>` when nothing is left),
 * so it never lands outside the folder; anything else is the file path.
 *
 * @returns the path written
 */
export async function saveAttachment(attachment: Attachment, folderOrPath: string, options: CallOptions = {}): Promise<string> {
  const toFolder = /[\\/]$/.test(folderOrPath) || (await isDirectory(folderOrPath));
  const path = toFolder ? join(folderOrPath, safeFileName(attachment.name.split(/[\\/]/).pop() ?? "", `attachment-${attachment.id}`)) : folderOrPath;
  await writeFileAtomic(path, await attachment.download(options));
  return path;
}
