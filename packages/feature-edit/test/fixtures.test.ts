/** Every recorded edit and attachment answer in the shared fixtures parses into the typed results. */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAttachmentInfos } from "@arcrest/query/internal";
import { describe, expect, it } from "vitest";
import { parseAttachmentEditResults } from "../src/attachments/attachment-edits.js";
import { parseLayerEditResults } from "../src/edits/parse-results.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../../fixtures/arcgis");

function fixtures(category: string): [string, unknown][] {
  const dir = join(ROOT, category);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), "utf8")) as unknown]);
}

describe("edit fixtures", () => {
  const files = fixtures("edits");
  it("has fixtures", () => expect(files.length).toBeGreaterThan(0));
  it.each(files)("%s parses into edit results", (_name, body) => {
    const parsed = parseLayerEditResults(body);
    const raw = body as Record<string, { objectId?: number; success?: boolean }[] | undefined>;
    for (const key of ["addResults", "updateResults", "deleteResults"] as const) {
      const expected = raw[key] ?? [];
      expect(parsed[key]).toHaveLength(expected.length);
      parsed[key].forEach((r, i) => {
        expect(r.success).toBe(expected[i].success === true);
        expect(r.objectId).toBe(expected[i].objectId);
        if (!r.success) expect(r.error?.description).toBeTypeOf("string");
      });
    }
  });
});

describe("attachment fixtures", () => {
  it.each(fixtures("attachments"))("%s parses into typed results", (_name, body) => {
    const raw = body as Record<string, unknown>;
    if (Array.isArray(raw.attachmentInfos)) {
      const infos = parseAttachmentInfos(body, "fixture");
      expect(infos).toHaveLength(raw.attachmentInfos.length);
      for (const info of infos) {
        expect(info.id).toBeTypeOf("number");
        expect(info.size).toBeTypeOf("number");
        expect(info.contentType).toBeTypeOf("string");
      }
      return;
    }
    const results = parseAttachmentEditResults(body);
    const list = (raw.deleteAttachmentResults ?? [raw.addAttachmentResult ?? raw.updateAttachmentResult]) as { objectId: number; success: boolean }[];
    expect(results.map((r) => [r.attachmentId, r.success, r.status])).toEqual(list.map((r) => [r.objectId, r.success, r.success ? "applied" : "failed"]));
  });
});

describe("edit results the documentation describes", () => {
  it("reads failures with string error codes and -1 object ids", () => {
    const parsed = parseLayerEditResults({
      addResults: [
        { objectId: 3700, globalId: "{93BADD75-B2B7-497a-99F0-6E89B09C9C8E}", success: true },
        { objectId: -1, globalId: "{9B395A2F-2A97-443f-8A32-0EDCC031226B}", success: false, error: { code: "1014", description: "Geometry does not have z-values." } },
      ],
    });
    expect(parsed.addResults[1]).toEqual({
      objectId: undefined,
      globalId: "{9B395A2F-2A97-443f-8A32-0EDCC031226B}",
      success: false,
      error: { code: 1014, description: "Geometry does not have z-values." },
    });
    expect(() => parseLayerEditResults({ error: { code: 400 } })).toThrow(/addResults/);
  });
});
