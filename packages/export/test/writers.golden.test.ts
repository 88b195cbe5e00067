import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import {
  collectBytes,
  shapefileToBytes,
  writeCSV,
  writeGeoJSON,
  writeGeoJSONLines,
  writeKML,
  writeKMZ,
  type ExportWarning,
} from "../src/index.js";
import { FIXTURES_OUT, loadCases } from "./support/cases.js";

// Golden files: writer output for each input in fixtures/in. Regenerate with
// UPDATE_GOLDEN=1 after a deliberate change, and review the diff (GDAL tests
// check the same outputs independently).
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const LAST_UPDATE = new Date(Date.UTC(2024, 0, 2));

function golden(name: string, actual: Uint8Array): void {
  const path = FIXTURES_OUT + name;
  if (UPDATE || !existsSync(path)) {
    mkdirSync(FIXTURES_OUT, { recursive: true });
    writeFileSync(path, actual);
    if (!UPDATE) throw new Error(`golden file ${name} was missing and has been written; review it and run again`);
    return;
  }
  const expected = new Uint8Array(readFileSync(path));
  if (name.match(/\.(shp|shx|dbf)$/)) {
    expect(Buffer.from(actual).equals(Buffer.from(expected)), `${name} differs from the golden file`).toBe(true);
  } else {
    expect(new TextDecoder().decode(actual)).toBe(new TextDecoder().decode(expected));
  }
}

describe.each(loadCases())("golden output of $name", (input) => {
  it("GeoJSON", async () => {
    golden(`${input.name}.geojson`, await collectBytes(writeGeoJSON(input)));
  });

  it("GeoJSON lines", async () => {
    golden(`${input.name}.geojsonl`, await collectBytes(writeGeoJSONLines(input)));
  });

  it("CSV", async () => {
    golden(`${input.name}.csv`, await collectBytes(writeCSV(input)));
  });

  it("KML, and KMZ holding the same KML as doc.kml", async () => {
    const kml = await collectBytes(writeKML(input, { name: input.name }));
    golden(`${input.name}.kml`, kml);
    const kmz = unzipSync(await collectBytes(writeKMZ(input, { name: input.name })));
    expect(Object.keys(kmz)).toEqual(["doc.kml"]);
    expect(strFromU8(kmz["doc.kml"])).toBe(strFromU8(kml));
  });

  it("shapefile", async () => {
    const warnings: ExportWarning[] = [];
    const { files, result } = await shapefileToBytes(input, { lastUpdate: LAST_UPDATE, onWarning: (w) => warnings.push(w) });
    for (const part of result.parts) golden(`${input.name}.${part}`, files[part] as Uint8Array);
    golden(`${input.name}.warnings.json`, new TextEncoder().encode(`${JSON.stringify(warnings, null, 2)}\n`));
  });
});
