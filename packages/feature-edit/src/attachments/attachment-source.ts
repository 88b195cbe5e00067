import { ValidationError } from "@arcrest/core";

/** Bytes of an attachment: a `Blob`/`File`, a `Uint8Array` or an `ArrayBuffer`. */
export type AttachmentBytes = Blob | Uint8Array | ArrayBuffer;

/**
 * A file to attach: a `File` (its name is used), bytes, or bytes with a name and content type.
 * In Node, `attachmentFile(path)` from `@arcrest/feature-edit/node` reads a file into one.
 */
export type AttachmentSource = AttachmentBytes | { data: AttachmentBytes; name: string; contentType?: string };

/** An attachment source as a named `File`. */
export interface NamedFile {
  file: File;
  name: string;
  size: number;
}

function isBytes(value: unknown): value is AttachmentBytes {
  return value instanceof Blob || value instanceof Uint8Array || value instanceof ArrayBuffer;
}

/** Normalises an attachment source to a `File`; names default to `attachment`. */
export function toNamedFile(source: AttachmentSource, parameter = "attachment"): NamedFile {
  if (typeof source === "string") {
    throw new ValidationError(parameter, "file paths are read in Node with attachmentFile(path) from @arcrest/feature-edit/node; pass a Blob, bytes or { data, name }");
  }
  let data: AttachmentBytes;
  let name: string;
  let type: string | undefined;
  if (isBytes(source)) {
    data = source;
    name = typeof File !== "undefined" && source instanceof File ? source.name : "attachment";
    type = source instanceof Blob ? source.type || undefined : undefined;
  } else if (typeof source === "object" && source !== null && isBytes(source.data) && typeof source.name === "string" && source.name !== "") {
    data = source.data;
    name = source.name;
    type = source.contentType ?? (source.data instanceof Blob ? source.data.type || undefined : undefined);
  } else {
    throw new ValidationError(parameter, "must be a Blob, File, Uint8Array, ArrayBuffer or { data, name, contentType? }");
  }
  const part = data instanceof Uint8Array ? new Uint8Array(data) : data;
  const file = new File([part], name, type ? { type } : {});
  return { file, name, size: file.size };
}
