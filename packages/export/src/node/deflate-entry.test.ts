import { crc32, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { deflateEntry, type DeflatedEntry } from "./deflate-entry.js";
import { zipFile } from "./zip-file.js";
import { unzipSync } from "fflate";

/** Deterministic bytes: markup-like text (compresses well) mixed with noise (does not). */
function sample(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed;
  const markup = new TextEncoder().encode("<SimpleData name=\"x\">");
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    out[i] = i % 97 < 40 ? (markup[i % markup.length] as number) : s & 0xff;
  }
  return out;
}

function split(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const n = sizes[k % sizes.length] as number;
    chunks.push(bytes.subarray(at, at + n));
    at += n;
  }
  return chunks;
}

async function deflate(chunks: Iterable<Uint8Array>, windowBits?: number): Promise<{ out: Uint8Array; totals: DeflatedEntry }> {
  const totals: DeflatedEntry = { crc: -1, size: -1, compressed: -1 };
  const parts: Uint8Array[] = [];
  for await (const part of deflateEntry(chunks, { level: 2, ...(windowBits ? { windowBits } : {}) }, totals)) parts.push(part);
  return { out: Buffer.concat(parts), totals };
}

describe("deflateEntry", () => {
  it("yields the raw deflate stream of its input, with the CRC-32 and sizes of a zip entry", async () => {
    for (const [length, sizes] of [
      [0, [1]],
      [1, [1]],
      [7, [3]],
      [300_000, [65_536]],
      [300_000, [1, 5, 9, 70_000, 0, 2]],
    ] as const) {
      const input = sample(length, length + 1);
      const { out, totals } = await deflate(split(input, [...sizes]), 13);
      expect(Buffer.from(inflateRawSync(out)).equals(Buffer.from(input)), `${length} bytes`).toBe(true);
      expect(totals).toEqual({ crc: crc32(input), size: length, compressed: out.length });
    }
  });

  it("fails with the source's error and stops deflating", async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield sample(100_000, 3);
      throw new Error("source broke");
    }
    const totals: DeflatedEntry = { crc: 0, size: 0, compressed: 0 };
    await expect(async () => {
      for await (const _ of deflateEntry(failing(), { level: 2 }, totals));
    }).rejects.toThrow("source broke");
  });
});

describe("zipFile", () => {
  it("writes entries any zip reader inflates, with their CRC-32 checked", async () => {
    const a = sample(200_000, 5);
    const b = new TextEncoder().encode("Ünïcödé name, small entry");
    const parts: Uint8Array[] = [];
    for await (const part of zipFile([
      { name: "doc.kml", data: split(a, [65_536]) },
      { name: "b.txt", data: [b] },
    ], { level: 2, windowBits: 13 })) parts.push(part);
    // fflate's unzipSync checks each entry's CRC-32 against its data.
    const files = unzipSync(Buffer.concat(parts));
    expect(Object.keys(files)).toEqual(["doc.kml", "b.txt"]);
    expect(Buffer.from(files["doc.kml"] as Uint8Array).equals(Buffer.from(a))).toBe(true);
    expect(new TextDecoder().decode(files["b.txt"])).toBe("Ünïcödé name, small entry");
  });
});
