/** Helpers between async iterables of bytes and web streams. */
import { concatBytes } from "@arcrest/core/internal";

/** Wraps an async iterable of byte chunks as a web `ReadableStream` (pull-based, so it keeps backpressure). */
export function toReadableStream(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

/** Reads an async iterable of byte chunks into one array (for small outputs and tests). */
export async function collectBytes(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return concatBytes(parts);
}

const textEncoder = new TextEncoder();

/** UTF-8 bytes of a string with the web's `TextEncoder`. */
export function encodeUtf8(text: string): Uint8Array {
  return textEncoder.encode(text);
}

/**
 * Batches text into UTF-8 chunks of roughly `chunkSize` characters, so a
 * writer producing one small string per feature yields few, large chunks.
 * `encode` turns each batch into bytes (`TextEncoder` by default; Node's
 * `Buffer.from(text, "utf8")` gives the same bytes in less time).
 */
export class TextChunker {
  readonly #encode: (text: string) => Uint8Array;
  readonly #chunkSize: number;
  #parts: string[] = [];
  #size = 0;

  /**
   * @param chunkSize - characters to gather before a chunk is emitted
   * @param encode - UTF-8 encoder of a batch
   */
  constructor(chunkSize = 1 << 16, encode: (text: string) => Uint8Array = encodeUtf8) {
    this.#chunkSize = chunkSize;
    this.#encode = encode;
  }

  /** Adds text; returns a chunk when enough has gathered, else `undefined`. */
  push(text: string): Uint8Array | undefined {
    this.#parts.push(text);
    this.#size += text.length;
    return this.#size >= this.#chunkSize ? this.flush() : undefined;
  }

  /** Returns whatever has gathered (possibly empty). */
  flush(): Uint8Array {
    const text = this.#parts.join("");
    this.#parts = [];
    this.#size = 0;
    return this.#encode(text);
  }
}
