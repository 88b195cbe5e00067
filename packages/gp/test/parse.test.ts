import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pollDelay, checkPollInterval, DEFAULT_POLL_INTERVAL } from "../src/jobs/poll-delay.js";
import { parseJobInfo } from "../src/parse/job-info.js";
import { parseResult, parseValue } from "../src/results/parse-result.js";
import { GPJobError } from "../src/index.js";

// Job answers from fixtures/arcgis/gp (see fixtures/arcgis/SOURCES.md at the repository root).
const GP = new URL("../../../fixtures/arcgis/gp/", import.meta.url).pathname;
const fixture = (name: string): unknown => JSON.parse(readFileSync(`${GP}${name}`, "utf8"));

describe("job answers", () => {
  it("reads a cancelled job with its messages into a GPJobError", () => {
    const job = parseJobInfo(fixture("arcgis-rest-js__job-status-cancelled.json"), "u");
    expect(job).toEqual({
      jobId: "j4fa1db2338f042a19eb68856afabc27e",
      status: "esriJobCancelled",
      messages: [
        { type: "esriJobMessageTypeInformative", description: "Submitted." },
        { type: "esriJobMessageTypeInformative", description: "Cancel complete." },
      ],
    });
    const error = new GPJobError(job);
    expect(error).toMatchObject({ jobId: job.jobId, status: "esriJobCancelled", messages: job.messages });
  });

  it("reads the result links of a succeeded job", () => {
    const job = parseJobInfo(fixture("arcgis-rest-js__job-status-succeeded-routing.json"), "u");
    expect(job.status).toBe("esriJobSucceeded");
    expect(job.messages).toEqual([]);
    expect(job.results).toEqual({
      out_unassigned_stops: { paramUrl: "results/out_unassigned_stops" },
      out_stops: { paramUrl: "results/out_stops" },
      out_routes: { paramUrl: "results/out_routes" },
    });
  });

  it("an answer without jobId and jobStatus is an ArcGISRequestError naming the URL", () => {
    expect(() => parseJobInfo({ status: "esriJobFailed" }, "https://h/x/GPServer/T/jobs/j1")).toThrow(/Unexpected response from https:\/\/h\/x\/GPServer\/T\/jobs\/j1/);
  });
});

describe("result values by data type", () => {
  it("a result map image is exposed as its URL", () => {
    const value = { mapImage: { href: "https://h/arcgis/rest/directories/arcgisjobs/t/j1/scratch/map.png", width: 400, height: 400 } };
    expect(parseValue("GPRasterDataLayer", value)).toEqual({ url: value.mapImage.href });
    expect(parseValue("GPFeatureRecordSetLayer", value)).toEqual({ url: value.mapImage.href });
  });

  it("GPRecordSet → rows, GPDataFile → { url }, GPDate → Date, multivalues → arrays, others as sent", () => {
    expect(parseValue("GPRecordSet", { fields: [], features: [{ attributes: { a: 1 } }, { attributes: { a: 2 } }] })).toEqual([{ a: 1 }, { a: 2 }]);
    expect(parseValue("GPDataFile", { url: "https://h/f.zip" })).toEqual({ url: "https://h/f.zip" });
    expect(parseValue("GPRasterDataLayer", { url: "https://h/r.tif", format: "tif" })).toEqual({ url: "https://h/r.tif", format: "tif" });
    expect(parseValue("GPDate", 1_700_000_000_000)).toEqual(new Date(1_700_000_000_000));
    expect(parseValue("GPMultiValue:GPDate", [0, 1000])).toEqual([new Date(0), new Date(1000)]);
    expect(parseValue("GPLinearUnit", { distance: 2, units: "esriMiles" })).toEqual({ distance: 2, units: "esriMiles" });
    expect(parseValue("GPLong", 7)).toBe(7);
    expect(parseValue("GPString", null)).toBeNull();
    const features = { geometryType: "esriGeometryPoint", features: [{ attributes: { id: 1 }, geometry: { x: 1, y: 2 } }] };
    expect(parseResult({ paramName: "out", dataType: "GPFeatureRecordSetLayer", value: features })).toEqual({ paramName: "out", dataType: "GPFeatureRecordSetLayer", value: features });
  });
});

describe("poll backoff", () => {
  it("starts at pollInterval, grows by half each poll and stops at 10 s", () => {
    expect(checkPollInterval(undefined)).toBe(DEFAULT_POLL_INTERVAL);
    const delays = Array.from({ length: 9 }, (_, poll) => pollDelay(1000, poll));
    expect(delays).toEqual([1000, 1500, 2250, 3375, 5062.5, 7593.75, 10000, 10000, 10000]);
    expect(pollDelay(20_000, 3)).toBe(20_000);
    expect(pollDelay(0, 5)).toBe(0);
  });
});
