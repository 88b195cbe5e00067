import { Zip, ZipDeflate } from "fflate";

/** One file to put in a zip archive. */
export interface ZipEntry {
  /** Path inside the archive. */
  name: string;
  /** The file's bytes, streamed. */
  data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/**
 * Streams a zip archive of `entries`, compressing each as its bytes arrive
 * (fflate's streaming `Zip`), so neither the inputs nor the archive are held
 * in memory whole.
 */
export async function* zipStream(entries: Iterable<ZipEntry>, options: { level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 } = {}): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: unknown;
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else {
      ready.push(chunk);
      if (final) finished = true;
    }
  });
  const drain = function* (): Generator<Uint8Array> {
    if (failure) throw failure;
    while (ready.length > 0) yield ready.shift() as Uint8Array;
  };
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: options.level ?? 6 });
    zip.add(file);
    for await (const chunk of entry.data) {
      file.push(chunk);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
  if (!finished) throw new Error("zip stream did not finish");
}
