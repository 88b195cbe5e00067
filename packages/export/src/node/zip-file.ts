import type { ZipEntry } from "../zip/zip-stream.js";
import { deflateEntry, type DeflatedEntry, type DeflateOptions } from "./deflate-entry.js";

const UTF8_AND_DESCRIPTOR = 0x0808;
const DEFLATE = 8;
const VERSION = 20;
const LIMIT = 0xffff_ffff;

/** MS-DOS time and date of `now` (the zip format's timestamps). */
function dosTime(now: Date): [number, number] {
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
  const date = ((Math.max(now.getFullYear(), 1980) - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  return [time, date];
}

interface Written {
  name: Uint8Array;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * Streams a zip archive of `entries` compressed with Node's zlib (native
 * deflate, several times faster than the portable one of the browser entry):
 * each entry's bytes are deflated as they arrive and followed by a data
 * descriptor, then the central directory. Archives stay below 4 GiB (no zip64).
 * Deflate level 3 by default: on 94 MB of KML (200,000 placemarks) it takes 0.44 s
 * where level 6 takes 0.95 s, for an archive 7 % larger (12.3 MB against 11.5 MB).
 */
export async function* zipFile(entries: Iterable<ZipEntry>, options: Partial<DeflateOptions> = {}): AsyncGenerator<Uint8Array> {
  const [time, date] = dosTime(new Date());
  const written: Written[] = [];
  let offset = 0;
  const emit = (bytes: Uint8Array): Uint8Array => {
    offset += bytes.length;
    if (offset > LIMIT) throw new RangeError("zip archives over 4 GiB are not supported");
    return bytes;
  };
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const start = offset;
    const header = Buffer.alloc(30 + name.length);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(UTF8_AND_DESCRIPTOR, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt16LE(name.length, 26);
    header.set(name, 30);
    yield emit(header);
    const totals: DeflatedEntry = { crc: 0, size: 0, compressed: 0 };
    for await (const bytes of deflateEntry(entry.data, { level: 3, ...options }, totals)) yield emit(bytes);
    const { crc, compressed, size } = totals;
    if (size > LIMIT) throw new RangeError("zip entries over 4 GiB are not supported");
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    yield emit(descriptor);
    written.push({ name, crc, compressed, size, offset: start });
  }
  const directoryStart = offset;
  for (const w of written) {
    const record = Buffer.alloc(46 + w.name.length);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(VERSION, 4);
    record.writeUInt16LE(VERSION, 6);
    record.writeUInt16LE(UTF8_AND_DESCRIPTOR, 8);
    record.writeUInt16LE(DEFLATE, 10);
    record.writeUInt16LE(time, 12);
    record.writeUInt16LE(date, 14);
    record.writeUInt32LE(w.crc, 16);
    record.writeUInt32LE(w.compressed, 20);
    record.writeUInt32LE(w.size, 24);
    record.writeUInt16LE(w.name.length, 28);
    record.writeUInt32LE(w.offset, 42);
    record.set(w.name, 46);
    yield emit(record);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(written.length, 8);
  end.writeUInt16LE(written.length, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  yield emit(end);
}
