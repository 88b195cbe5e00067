/**
 * A growable little/big-endian byte builder. Writers encode records straight
 * into it and hand full chunks to a sink, so there is one copy per chunk rather
 * than one allocation per value.
 */
export class ByteBuffer {
  /** Backing bytes; only `[0, length)` is meaningful. */
  bytes: Uint8Array;
  /** A view over `bytes` for numbers. */
  view: DataView;
  /** Bytes used. */
  length = 0;

  /** @param capacity - initial capacity in bytes */
  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity);
    this.view = new DataView(this.bytes.buffer);
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    const need = this.length + n;
    if (need <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < need) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }

  /** Appends one byte (no bounds check: call `ensure` first). */
  u8(value: number): void {
    this.bytes[this.length++] = value;
  }

  /** Appends a little-endian int32 (no bounds check). */
  i32le(value: number): void {
    this.view.setInt32(this.length, value, true);
    this.length += 4;
  }

  /** Appends a big-endian int32 (no bounds check). */
  i32be(value: number): void {
    this.view.setInt32(this.length, value, false);
    this.length += 4;
  }

  /** Appends a little-endian float64 (no bounds check). */
  f64le(value: number): void {
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
  }

  /** Appends `count` copies of `value` (no bounds check). */
  fill(value: number, count: number): void {
    this.bytes.fill(value, this.length, this.length + count);
    this.length += count;
  }

  /** Appends an ASCII string (no bounds check; chars above 0x7f are not expected). */
  ascii(text: string): void {
    for (let i = 0; i < text.length; i++) this.bytes[this.length++] = text.charCodeAt(i);
  }

  /** Removes and returns the bytes written so far (a copy, safe to hand off). */
  take(): Uint8Array {
    const out = this.bytes.slice(0, this.length);
    this.length = 0;
    return out;
  }
}
