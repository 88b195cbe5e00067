import { describe, expect, it } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import { MemorySink } from "./byte-sink.js";
import { collectBytes, TextChunker, toReadableStream } from "./streams.js";
import { zipStream } from "../zip/zip-stream.js";

describe("MemorySink", () => {
  it("patches bytes across chunk boundaries", () => {
    const sink = new MemorySink();
    sink.write(new Uint8Array([1, 2, 3]));
    sink.write(new Uint8Array([4, 5]));
    sink.write(new Uint8Array([6]));
    sink.writeAt(2, new Uint8Array([9, 9, 9]));
    expect([...sink.toBytes()]).toEqual([1, 2, 9, 9, 9, 6]);
    expect(() => sink.writeAt(5, new Uint8Array([1, 1]))).toThrow(RangeError);
  });
});

describe("streams", () => {
  it("TextChunker gathers small strings into large UTF-8 chunks", () => {
    const chunker = new TextChunker(10);
    expect(chunker.push("abc")).toBeUndefined();
    expect(new TextDecoder().decode(chunker.push("défghij"))).toBe("abcdéfghij");
    expect(chunker.flush()).toHaveLength(0);
  });

  it("toReadableStream keeps order and ends", async () => {
    async function* parts(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array([1]);
      yield new Uint8Array([2, 3]);
    }
    const reader = toReadableStream(parts()).getReader();
    const seen: number[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) seen.push(...r.value);
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe("zipStream", () => {
  it("zips streamed entries that unzip to the same bytes", async () => {
    async function* big(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 50; i++) yield new TextEncoder().encode(`line ${i}\n`.repeat(100));
    }
    const zip = await collectBytes(zipStream([{ name: "a.txt", data: big() }, { name: "b/c.txt", data: [new TextEncoder().encode("hello")] }]));
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(["a.txt", "b/c.txt"]);
    expect(strFromU8(files["b/c.txt"])).toBe("hello");
    expect(strFromU8(files["a.txt"]).split("\n")).toHaveLength(5001);
  });
});
