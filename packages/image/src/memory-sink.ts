import type { ByteSink } from "./geotiff/writer.js";

/** Collects a GeoTIFF's chunks in memory (browser entry); `bytes()` joins them once. */
export class MemorySink implements ByteSink {
  readonly #chunks: Uint8Array[] = [];
  #length = 0;

  write(chunk: Uint8Array): Promise<void> {
    this.#chunks.push(chunk);
    this.#length += chunk.byteLength;
    return Promise.resolve();
  }

  /** The whole file, with the IFD pointer patched in at byte 4. */
  bytes(ifdOffset: number): Uint8Array {
    const out = new Uint8Array(this.#length);
    let at = 0;
    for (const chunk of this.#chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    new DataView(out.buffer).setUint32(4, ifdOffset, true);
    return out;
  }
}

/** The bytes of an export as a `Blob` (e.g. for a download link). */
export function toBlob(bytes: Uint8Array, type = "image/tiff"): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
}
