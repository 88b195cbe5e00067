import { encodeUtf8 } from "../bytes/streams.js";

/**
 * Where one GeoJSON Feature's text ends and the next begins when features are joined by ",".
 * It cannot occur inside a Feature: property values are never objects here, a geometry object
 * is followed by the Feature's own `}`, and a quote inside a string is escaped.
 */
export const FEATURE_BOUNDARY = '},{"type":"Feature",';

const BOUNDARY = encodeUtf8(FEATURE_BOUNDARY);
const CLOSE = 0x7d; // "}"

/** Features joined by "," in `text`, joined by `separator` instead. */
export function separateFeatureText(text: string, separator: string): string {
  return separator === "," ? text : text.replaceAll(FEATURE_BOUNDARY, `}${separator}{"type":"Feature",`);
}

/**
 * The same as {@link separateFeatureText} on the UTF-8 bytes of such a text. Rewriting the
 * bytes costs a fraction of rewriting the string: `replaceAll` builds a string of thousands of
 * parts that is copied again when it is encoded. A one-byte separator is written in place.
 */
export function separateFeatureBytes(bytes: Uint8Array, separator: string): Uint8Array {
  if (separator === ",") return bytes;
  const sep = encodeUtf8(separator);
  const ends = boundaries(bytes);
  if (ends.length === 0) return bytes;
  if (sep.length === 1) {
    for (const at of ends) bytes[at + 1] = sep[0] as number;
    return bytes;
  }
  const out = new Uint8Array(bytes.length + ends.length * (sep.length - 1));
  let from = 0;
  let offset = 0;
  for (const at of ends) {
    // Up to and with the "}", then the separator in place of the ",".
    out.set(bytes.subarray(from, at + 1), offset);
    offset += at + 1 - from;
    out.set(sep, offset);
    offset += sep.length;
    from = at + 2;
  }
  out.set(bytes.subarray(from), offset);
  return out;
}

/** Offsets of the "}" of every {@link FEATURE_BOUNDARY} in `bytes`. */
function boundaries(bytes: Uint8Array): number[] {
  const ends: number[] = [];
  const last = bytes.length - BOUNDARY.length;
  for (let at = bytes.indexOf(CLOSE); at !== -1 && at <= last; at = bytes.indexOf(CLOSE, at + 1)) {
    if (matchesAt(bytes, at)) ends.push(at);
  }
  return ends;
}

function matchesAt(bytes: Uint8Array, at: number): boolean {
  for (let k = 1; k < BOUNDARY.length; k++) if (bytes[at + k] !== BOUNDARY[k]) return false;
  return true;
}
