/** One part of a multipart/form-data body that carried a file. */
export interface UploadedFile {
  /** Form field name. */
  field: string;
  /** File name sent by the client. */
  filename: string;
  /** Content-Type of the part; "application/octet-stream" when absent. */
  contentType: string;
  /** The bytes. */
  data: Uint8Array;
}

/** A parsed multipart/form-data body. */
export interface MultipartBody {
  /** Text fields; file fields map to their file name. */
  fields: Record<string, string>;
  /** File parts. */
  files: UploadedFile[];
}

/** Thrown for a body that is not valid multipart/form-data. */
export class MultipartError extends Error {
  override name = "MultipartError";
}

/** Extracts the boundary parameter of a multipart Content-Type header. */
export function multipartBoundary(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2]?.trim();
  if (!boundary) throw new MultipartError("multipart/form-data without a boundary parameter");
  return boundary;
}

/** Parses a multipart/form-data body (RFC 7578). */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  if (start < 0) throw new MultipartError("multipart body without its boundary");
  for (;;) {
    const afterDelimiter = start + delimiter.length;
    // "--" after a delimiter closes the body.
    if (body[afterDelimiter] === 0x2d && body[afterDelimiter + 1] === 0x2d) break;
    const headerStart = afterDelimiter + 2; // CRLF
    const headerEnd = body.indexOf("\r\n\r\n", headerStart);
    if (headerEnd < 0) throw new MultipartError("multipart part without a header end");
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), headerEnd + 4);
    if (next < 0) throw new MultipartError("multipart body without a closing boundary");
    const headers = parsePartHeaders(body.subarray(headerStart, headerEnd).toString("utf8"));
    const content = body.subarray(headerEnd + 4, next);
    const disposition = headers["content-disposition"] ?? "";
    const name = dispositionParam(disposition, "name");
    if (name === undefined) throw new MultipartError("multipart part without a name");
    const filename = dispositionParam(disposition, "filename");
    if (filename !== undefined) {
      files.push({
        field: name,
        filename,
        contentType: headers["content-type"] ?? "application/octet-stream",
        data: new Uint8Array(content),
      });
      fields[name] = filename;
    } else {
      fields[name] = content.toString("utf8");
    }
    start = next + 2;
  }
  return { fields, files };
}

function parsePartHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function dispositionParam(disposition: string, param: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${param}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, "i").exec(disposition);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, "$1") : match[2].trim();
}
