import { describe, expect, it } from "vitest";
import { escapeXml } from "./xml.js";

describe("escapeXml", () => {
  it("escapes markup characters", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
  });

  it("drops characters XML 1.0 cannot hold, keeps tabs, line breaks and astral characters", () => {
    expect(escapeXml("a\u0000b\u0007c\td\ne\uFFFEf\uD83C\uDF0A")).toBe("abc\td\nef\uD83C\uDF0A");
    expect(escapeXml("lone \uD800 surrogate")).toBe("lone  surrogate");
  });
});
