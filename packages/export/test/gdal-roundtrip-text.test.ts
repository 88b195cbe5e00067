import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { checkRoundTrip, FORMATS, ROUND_TRIP_CASES } from "./support/gdal-roundtrip.js";
import { skipGdal } from "./support/gdal.js";

// Count, spatial reference, geometry and every value, as GDAL reads them (.kml .kmz .csv).
describe.skipIf(skipGdal)("GDAL reads back what was written", () => {
  const root = mkdtempSync(join(tmpdir(), "arcrest-gdal-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe.each(FORMATS.filter((f) => [".kml", ".kmz", ".csv"].includes(f.ext)))("$ext", (format) => {
    it.each(ROUND_TRIP_CASES)("%s", (name) => checkRoundTrip(root, format, name));
  });
});
