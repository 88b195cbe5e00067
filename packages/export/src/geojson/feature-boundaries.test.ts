import { describe, expect, it } from "vitest";
import { separateFeatureBytes, separateFeatureText } from "./feature-boundaries.js";

const a = '{"type":"Feature","properties":{"n":"é"},"geometry":null}';
const b = '{"type":"Feature","properties":{"n":"\\"},{\\"type\\":\\"Feature\\","},"geometry":{"type":"Point","coordinates":[1,2]}}';
const joined = [a, b, a].join(",");
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (data: Uint8Array): string => new TextDecoder().decode(data);

describe("feature boundaries", () => {
  it.each([",\n", "\n", ",", " , "])("puts %j between features, in text and in bytes alike", (separator) => {
    const expected = [a, b, a].join(separator);
    expect(separateFeatureText(joined, separator)).toBe(expected);
    expect(decode(separateFeatureBytes(bytes(joined), separator))).toBe(expected);
  });

  it("leaves a single feature and an empty text as they are", () => {
    expect(decode(separateFeatureBytes(bytes(a), ",\n"))).toBe(a);
    expect(separateFeatureBytes(new Uint8Array(0), ",\n")).toHaveLength(0);
  });
});
