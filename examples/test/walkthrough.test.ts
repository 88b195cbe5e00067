import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { walkthrough } from "../walkthrough.js";

let server: SampleServer;
let outDir: string;

beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
  outDir = await mkdtemp(join(tmpdir(), "arcrest-walkthrough-"));
});
afterAll(async () => {
  await server.close();
  await rm(outDir, { recursive: true, force: true });
});

describe("the seed walkthrough", () => {
  it("runs end to end against the sample server", async () => {
    const lines: string[] = [];
    const report = await walkthrough({ restUrl: server.restUrl, outDir, log: (l) => lines.push(l) });
    expect(report.folders).toBeGreaterThanOrEqual(4);
    expect(report.services).toBeGreaterThanOrEqual(1);
    expect(report.walked).toEqual(expect.arrayContaining(["", "SanFrancisco"]));
    expect(report.securedFolders).toEqual(["Secure"]);
    expect(report.envelope).toBe("-121.5,38.3,-121.2,38.6");
    expect(lines.join("\n")).toContain("Secure folder now lists: [\"Secure/Parcels\"]");

    // Image steps: the clipped DEM is a GeoTIFF GDAL reads (600 × 400 pixels of 10 m).
    const dem = JSON.parse(execFileSync("gdalinfo", ["-json", report.image.demFile], { encoding: "utf8" })) as { size: number[] };
    expect(dem.size).toEqual([600, 400]);
    expect(report.image.elevation).toHaveLength(1);
    expect(report.image.bandArithmeticBytes).toBeGreaterThan(100 * 100 * 4);

    // Layer, fields and cursor steps.
    expect(report.layers).toContain("observed_river_stages");
    expect(report.fields).toEqual(expect.arrayContaining(["gaugelid", "status", "location", "state"]));
    expect(report.californiaCount).toBeGreaterThan(100);
    expect(report.californiaRows).toBe(report.californiaCount);

    // Editing steps: the attachment came back as the PNG we sent; the replica was written as a shapefile.
    expect(report.edits.updated).toBe("applied");

    // Administration steps.
    expect(report.admin.folderServices).toEqual(["311Incidents (STARTED)"]);
    expect(report.admin.privateStatus).toBe(499);
    expect(report.admin.stopped).toEqual(["SanFrancisco/311Incidents.MapServer"]);
    expect(report.admin.description).toBe("Updated");
    expect(report.admin.extensionsAfterDisable).toEqual([]);
    expect(report.admin.usersInRole).toEqual(["domain\\someuser"]);
    expect(report.admin.logs).toBe(601); // one a second, both ends included
    expect(report.edits.deleted).toBe("applied");
    expect(report.edits.attachments).toHaveLength(1);
    expect(report.edits.attachments[0]).toMatch(/attachments[\\/]python\.png$/);
    expect(readFileSync(report.edits.attachments[0]).subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(report.edits.replicaFiles.some((f) => f.endsWith(".shp"))).toBe(true);
    expect(server.dataset.services.find((s) => s.name === "SanFrancisco/311Incidents")?.layers[0].features.some((f) => f.attributes.objectid === report.edits.added)).toBe(false);

    // Portal steps: signed in at /portal/home, the sample server's /arcgis is the federated server,
    // Feature Service items open as layers with an exchanged token; no portal token reached /arcgis.
    expect(report.portal.user).toBe("arcrest");
    expect(report.portal.servers).toEqual([`${server.url}/arcgis`]);
    expect(report.portal.adminStates).toEqual(["STOPPED", "STARTED"]);
    expect(report.portal.featureServiceItems).toBeGreaterThan(10);
    expect(report.portal.layerCount).toBeGreaterThan(0);
    expect(server.portal.leaks).toEqual([]);

    // Geocoding steps: exact matches first, every batch record answered in order, files GDAL reads.
    expect(report.geocode.singleLine).toBeGreaterThanOrEqual(1);
    expect(report.geocode.fields).toBeGreaterThanOrEqual(1);
    expect(report.geocode.batch).toEqual(["matched", "tied", "unmatched", "matched"]);
    expect(lines.join("\n")).toContain("best: 306 Pine Ave, Minneapolis, MN, 55403 (score 100)");
    if (existsSync("/usr/bin/ogrinfo") || process.env.CI) {
      const geocoded = execFileSync("ogrinfo", ["-al", "-q", report.geocode.files[2]], { encoding: "utf8" });
      expect(geocoded.match(/OGRFeature/g)).toHaveLength(4);
      expect(geocoded).toMatch(/status \(String\) = unmatched/);
      for (const file of report.geocode.files.slice(0, 2)) expect(execFileSync("ogrinfo", ["-so", "-al", file], { encoding: "utf8" })).toMatch(/Geometry: Point/);
    }

    // Export and clip steps: every file exists; GDAL reads the same number of gauges.
    for (const file of report.files) expect(existsSync(file)).toBe(true);
    const [shp, kmz, sac] = report.files;
    const sacEnvelope = report.clippedEnvelope.split(",").map(Number);
    expect(sacEnvelope[0]).toBeGreaterThanOrEqual(-121.5);
    expect(sacEnvelope[2]).toBeLessThanOrEqual(-121.2);
    if (existsSync("/usr/bin/ogrinfo") || process.env.CI) {
      const count = (file: string) => Number(/Feature Count: (\d+)/.exec(execFileSync("ogrinfo", ["-so", "-al", file], { encoding: "utf8" }))?.[1]);
      expect(count(shp)).toBe(report.californiaCount);
      expect(count(kmz)).toBe(report.californiaCount);
      const sacInfo = execFileSync("ogrinfo", ["-so", "-al", sac], { encoding: "utf8" });
      expect(sacInfo).toMatch(/gaugelid: String/);
      expect(sacInfo).not.toMatch(/^status:/m);
      expect(execFileSync("ogrinfo", ["-so", "-al", shp], { encoding: "utf8" })).toMatch(/Pseudo.Mercator|Mercator_Auxiliary_Sphere/);
    }

    // Geoprocessing steps: the parameters listed, the run's result, and the exported drive-time polygons.
    expect(report.gp.parameters).toEqual([
      "Input_Location GPFeatureRecordSetLayer",
      "Drive_Times GPString",
      "Output_Drive_Time_Polygons GPFeatureRecordSetLayer",
    ]);
    expect(report.gp).toMatchObject({ paramName: "Output_Drive_Time_Polygons", dataType: "GPFeatureRecordSetLayer" });
    expect(report.gp.messages.at(-1)).toBe("Succeeded.");
    expect(existsSync(report.gp.file)).toBe(true);
    if (existsSync("/usr/bin/ogrinfo") || process.env.CI) {
      const gpInfo = execFileSync("ogrinfo", ["-so", "-al", report.gp.file], { encoding: "utf8" });
      expect(gpInfo).toMatch(/^Geometry: Polygon$/m);
      expect(gpInfo).toMatch(/^Feature Count: 3$/m);
    }
  });
});
