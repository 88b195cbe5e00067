import type { FileHandle } from "node:fs/promises";
import { open } from "node:fs/promises";
import type { ByteSink } from "../bytes/byte-sink.js";

/** A {@link ByteSink} over a file: appends at the end, `writeAt` seeks back (positional writes). */
export class FileSink implements ByteSink {
  readonly #handle: FileHandle;
  #position = 0;
  #closed = false;

  private constructor(handle: FileHandle) {
    this.#handle = handle;
  }

  /** Creates (or truncates) `path` for writing. */
  static async create(path: string): Promise<FileSink> {
    return new FileSink(await open(path, "w"));
  }

  /** Bytes appended so far. */
  get length(): number {
    return this.#position;
  }

  /** @inheritdoc */
  async write(bytes: Uint8Array): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.#handle.write(bytes, done, bytes.length - done, this.#position);
      done += bytesWritten;
      this.#position += bytesWritten;
    }
  }

  /** @inheritdoc */
  async writeAt(position: number, bytes: Uint8Array): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.#handle.write(bytes, done, bytes.length - done, position + done);
      done += bytesWritten;
    }
  }

  /** @inheritdoc */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#handle.close();
  }
}

/** Writes an async iterable of chunks to a file sink, then closes it. */
export async function pipeToFile(chunks: AsyncIterable<Uint8Array>, sink: FileSink): Promise<number> {
  try {
    for await (const chunk of chunks) await sink.write(chunk);
    return sink.length;
  } finally {
    await sink.close();
  }
}
