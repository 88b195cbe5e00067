import { isAbsolute, join, relative } from "node:path";
import { ValidationError, type CallOptions, type Progress } from "@arcrest/core";
import { safeFileName } from "@arcrest/core/internal";
import type { Attachment, MapServiceLayer } from "@arcrest/query";
import { writeFileAtomic } from "@arcrest/core/node";

/** Options of {@link downloadAllAttachments}. */
export interface DownloadAllOptions extends CallOptions {
  /** Features whose attachments are downloaded; default all. */
  where?: string;
  /** Only these object ids. */
  objectIds?: readonly number[];
  /**
   * The file path (relative to the folder) of an attachment; default `<objectId>/<attachmentId>-<name>`
   * with the name made safe. A path that would leave the folder is a `ValidationError`.
   */
  namer?: (attachment: Attachment) => string;
  /** Downloads in flight at once; default 4. */
  concurrency?: number;
  /** Called after every file with files done. */
  onProgress?: (progress: Progress) => void;
}

/** One downloaded attachment. */
export interface DownloadedAttachment {
  attachment: Attachment;
  /** Where it was written. */
  path: string;
}

/**
 * The default file name of an attachment: `<objectId>/<attachmentId>-<name>`, the server's name made
 * safe (no separators or `..`, no control characters or reserved device names, at most 200 bytes).
 */
export function defaultAttachmentPath(attachment: Attachment): string {
  return join(String(attachment.parentObjectId), `${attachment.id}-${safeFileName(attachment.name, "attachment")}`);
}

/** The path of an attachment under `folder`; a namer's path that leaves the folder is refused. */
function pathInFolder(folder: string, name: string, attachment: Attachment): string {
  const path = join(folder, name);
  const inside = relative(folder, path);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside) || isAbsolute(name)) {
    throw new ValidationError("namer", `gives ${JSON.stringify(name)} for attachment ${attachment.parentObjectId}/${attachment.id}, which is not inside ${folder}`);
  }
  return path;
}

/**
 * Downloads the attachments of every matching feature into a folder, several at once, each
 * file written whole or not at all. Attachments are listed with `queryAttachments` (one request
 * per feature on servers without it).
 */
export async function downloadAllAttachments(layer: MapServiceLayer, folder: string, options: DownloadAllOptions = {}): Promise<DownloadedAttachment[]> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  if (!Number.isFinite(concurrency)) throw new ValidationError("concurrency", "must be a positive number");
  const call = { ...(options.session ? { session: options.session } : {}), ...(options.signal ? { signal: options.signal } : {}) };
  const groups = await layer.queryAttachments({
    ...call,
    ...(options.objectIds ? { objectIds: options.objectIds } : {}),
    ...(options.where ? { definitionExpression: options.where } : {}),
  });
  const attachments = groups.flatMap((g) => g.attachments);
  const namer = options.namer ?? defaultAttachmentPath;
  const paths = new Map<string, Attachment>();
  for (const attachment of attachments) {
    const path = pathInFolder(folder, namer(attachment), attachment);
    const clash = paths.get(path);
    if (clash) throw new ValidationError("namer", `gives the same path ${path} to attachments ${clash.parentObjectId}/${clash.id} and ${attachment.parentObjectId}/${attachment.id}`);
    paths.set(path, attachment);
  }
  const jobs = [...paths];
  const out: DownloadedAttachment[] = [];
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const [path, attachment] = jobs[next++];
      await writeFileAtomic(path, await attachment.download(call));
      out.push({ attachment, path });
      done += 1;
      options.onProgress?.({ done, total: jobs.length, message: path });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return out.sort((a, b) => a.attachment.parentObjectId - b.attachment.parentObjectId || a.attachment.id - b.attachment.id);
}
