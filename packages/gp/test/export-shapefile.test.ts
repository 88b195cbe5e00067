import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportFeatureSet } from "@arcrest/export/node";
import { afterAll, describe, expect, it } from "vitest";
import { GPTask } from "../src/index.js";
import { SEED_POINT, useSampleServer } from "./support.js";

const ctx = useSampleServer();
const dir = mkdtempSync(join(tmpdir(), "arcrest-gp-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gdalInstalled = spawnSync("ogrinfo", ["--version"], { encoding: "utf8" }).status === 0;
// GDAL must be there in CI (.ci/run installs gdal-bin); elsewhere the test is skipped without it.
const skip = !gdalInstalled && process.env.CI !== "true";

function ogrinfo(path: string): string {
  const result = spawnSync("ogrinfo", ["-al", "-ro", path], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`ogrinfo failed: ${result.stderr}`);
  return result.stdout;
}

describe.skipIf(skip)("the drive-time output exported with exportFeatureSet", () => {
  it("writes a polygon shapefile that GDAL opens with the features, fields and spatial reference", async () => {
    const task = await GPTask.connect(`${ctx.gp}/CreateDriveTimePolygonsAsync`, { session: ctx.session });
    const result = await task.run({ Input_Location: SEED_POINT, Drive_Times: "1 2 3" }, { pollInterval: 1 });
    const path = join(dir, "drive_times.shp");
    await exportFeatureSet(result.featureSet("Output_Drive_Time_Polygons"), path);

    const info = ogrinfo(path);
    expect(info).toMatch(/^Geometry: Polygon$/m);
    expect(info).toMatch(/^Feature Count: 3$/m);
    expect(info).toMatch(/Pseudo-Mercator|Popular Visualisation|3857/);
    expect(info).toMatch(/^FacilityID: Integer/m);
    expect(info).toMatch(/^Name: String \(128\.0\)$/m);
    expect(info).toMatch(/^ToBreak: Real/m);
    expect([...info.matchAll(/^\s+ToBreak \(Real\) = (\S+)$/gm)].map((m) => Number(m[1]))).toEqual([3, 2, 1]);
    expect([...info.matchAll(/^\s+Name \(String\) = (.*)$/gm)].map((m) => m[1])).toEqual(["Location 1 : 0 - 3", "Location 1 : 0 - 2", "Location 1 : 0 - 1"]);
    expect(info.match(/POLYGON \(\(/g)).toHaveLength(3);
  });
});
