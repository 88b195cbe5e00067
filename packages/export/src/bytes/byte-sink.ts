/**
 * Where writers put bytes. Shapefile parts need `writeAt` to patch their
 * headers (file length, bounding box, record count) once every record is known;
 * a file sink seeks, a memory sink patches its buffered chunks.
 */
export interface ByteSink {
  /** Appends bytes at the end. The writer never reuses `bytes` after the call. */
  write(bytes: Uint8Array): Promise<void> | void;
  /** Overwrites already written bytes starting at `position`. */
  writeAt(position: number, bytes: Uint8Array): Promise<void> | void;
  /** Called once after the last write. */
  close?(): Promise<void> | void;
}

/** A sink that keeps everything in memory (for browsers and small outputs). */
export class MemorySink implements ByteSink {
  readonly #chunks: Uint8Array[] = [];
  #length = 0;

  /** Bytes written so far. */
  get length(): number {
    return this.#length;
  }

  /** @inheritdoc */
  write(bytes: Uint8Array): void {
    this.#chunks.push(bytes);
    this.#length += bytes.length;
  }

  /** @inheritdoc */
  writeAt(position: number, bytes: Uint8Array): void {
    if (position < 0 || position + bytes.length > this.#length) {
      throw new RangeError(`writeAt(${position}, ${bytes.length} bytes) is outside the ${this.#length} bytes written`);
    }
    let chunkStart = 0;
    let done = 0;
    for (const chunk of this.#chunks) {
      const chunkEnd = chunkStart + chunk.length;
      const from = position + done;
      if (from < chunkEnd && from >= chunkStart) {
        const n = Math.min(bytes.length - done, chunkEnd - from);
        chunk.set(bytes.subarray(done, done + n), from - chunkStart);
        done += n;
        if (done === bytes.length) return;
      }
      chunkStart = chunkEnd;
    }
  }

  /** Everything written, as one array. */
  toBytes(): Uint8Array {
    const out = new Uint8Array(this.#length);
    let offset = 0;
    for (const chunk of this.#chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
