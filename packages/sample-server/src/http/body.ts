import type { IncomingMessage } from "node:http";
import { multipartBoundary, parseMultipart, type UploadedFile } from "./multipart.js";

/** Largest request body accepted (uploads included). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** A parsed request body. */
export interface ParsedBody {
  /** Form fields (urlencoded or multipart). */
  fields: Record<string, string>;
  /** Uploaded files (multipart only). */
  files: UploadedFile[];
}

/** Thrown when a body cannot be read or parsed; `status` is the HTTP status to answer with. */
export class BodyError extends Error {
  override name = "BodyError";
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Reads the whole body of a request. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyError(`request body larger than ${MAX_BODY_BYTES} bytes`, 413);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a body by its Content-Type: urlencoded, multipart/form-data, or (ignored) anything else. */
export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  const type = (contentType ?? "").toLowerCase();
  if (raw.length === 0) return { fields: {}, files: [] };
  if (type.startsWith("multipart/form-data")) {
    try {
      return parseMultipart(raw, multipartBoundary(contentType ?? ""));
    } catch (error) {
      throw new BodyError((error as Error).message, 400);
    }
  }
  if (type.startsWith("application/x-www-form-urlencoded") || type === "" || type.startsWith("text/plain")) {
    return { fields: searchParamsToRecord(new URLSearchParams(raw.toString("utf8"))), files: [] };
  }
  // JSON and other bodies are not form parameters for ArcGIS; keep nothing.
  return { fields: {}, files: [] };
}

/** Converts URLSearchParams to a record; a repeated name keeps its last value. */
export function searchParamsToRecord(params: URLSearchParams): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, value] of params) record[key] = value;
  return record;
}
