/**
 * TIFF LZW (compression 5): codes of 9 to 12 bits written most significant bit first, Clear (256) at the
 * start and whenever the table is full, End of Information (257) at the end, and the "early change" of
 * code width libtiff and GDAL expect (the width grows as soon as the next free code needs it).
 */
const CLEAR = 256;
const EOI = 257;
const FIRST_FREE = 258;
const TABLE_FULL = 4094;

/** Appends codes of a given width, most significant bit first. */
class BitWriter {
  #bytes: Uint8Array;
  #length = 0;
  #buffer = 0;
  #bits = 0;

  constructor(capacity: number) {
    this.#bytes = new Uint8Array(Math.max(16, capacity));
  }

  put(code: number, width: number): void {
    this.#buffer = (this.#buffer << width) | code;
    this.#bits += width;
    while (this.#bits >= 8) {
      this.#bits -= 8;
      this.#push((this.#buffer >>> this.#bits) & 0xff);
    }
    this.#buffer &= (1 << this.#bits) - 1;
  }

  #push(byte: number): void {
    if (this.#length === this.#bytes.length) {
      const grown = new Uint8Array(this.#bytes.length * 2);
      grown.set(this.#bytes);
      this.#bytes = grown;
    }
    this.#bytes[this.#length++] = byte;
  }

  finish(): Uint8Array {
    if (this.#bits > 0) this.#push((this.#buffer << (8 - this.#bits)) & 0xff);
    return this.#bytes.subarray(0, this.#length);
  }
}

/** Compresses one strip with TIFF LZW. */
export function lzwEncode(input: Uint8Array): Uint8Array {
  const out = new BitWriter(input.length >>> 1);
  // (prefix code << 8 | next byte) → code, valid where its stamp is the current generation (no clearing).
  const codes = new Uint16Array(4096 * 256);
  const stamps = new Uint32Array(4096 * 256);
  let generation = 1;
  let width = 9;
  let next = FIRST_FREE;
  out.put(CLEAR, width);
  if (input.length === 0) {
    out.put(EOI, width);
    return out.finish();
  }
  const added = (): void => {
    next++;
    if (next === TABLE_FULL) {
      out.put(CLEAR, width);
      generation++;
      next = FIRST_FREE;
      width = 9;
    } else if (next > (1 << width) - 1 && width < 12) width++;
  };
  let prefix = input[0];
  for (let i = 1; i < input.length; i++) {
    const byte = input[i];
    const key = (prefix << 8) | byte;
    if (stamps[key] === generation) {
      prefix = codes[key];
      continue;
    }
    out.put(prefix, width);
    codes[key] = next;
    stamps[key] = generation;
    added();
    prefix = byte;
  }
  out.put(prefix, width);
  added();
  out.put(EOI, width);
  return out.finish();
}
