import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArcGISRequestError } from "@arcrest/core";
import { MapServiceLayer } from "@arcrest/query";
import { startSampleServerAndFolder, type SampleServer } from "@arcrest/sample-server";
import { ExportAbortedError, ExportValidationError } from "../src/index.js";
import { exportLayer } from "../src/node/index.js";
import { resolveWorkers } from "../src/node/workers/worker-count.js";

const WHERE = "state IN ('CA', 'OR', 'WA', 'NV', 'AZ')";
const EXTENSIONS = ["geojson", "geojsonl", "shp", "zip", "csv", "kml", "kmz", "gpkg"];

let server: SampleServer;
let gauges: MapServiceLayer;
let root: string;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ server, dir: root, close } = await startSampleServerAndFolder("arcrest-workers-"));
  gauges = await MapServiceLayer.connect(`${server.restUrl}/ahps_gauges/MapServer/0`);
});
afterAll(() => close?.());

/** The rows of every table of a GeoPackage (but the time it was written), as JSON. */
function gpkgRows(bytes: Buffer): string {
  const db = new Database(bytes);
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    const rows = tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]);
    return JSON.stringify(rows, (key, value: unknown) => (key === "last_change" ? undefined : value instanceof Uint8Array ? Buffer.from(value).toString("hex") : value));
  } finally {
    db.close();
  }
}

/** Every file of an export (all shapefile parts), by name. */
function filesOf(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name))]));
}

async function exportWith(ext: string, workers: number, options: Parameters<typeof exportLayer>[2] = {}): Promise<{ files: Map<string, Buffer>; count: number }> {
  const dir = mkdtempSync(join(root, `${ext}-${workers}-`));
  const result = await exportLayer(gauges, join(dir, `gauges.${ext}`), { where: WHERE, pageSize: 250, workers, ...options });
  return { files: filesOf(dir), count: result.featureCount };
}

describe("exportLayer with page workers", () => {
  it.each(EXTENSIONS)("writes the same bytes to .%s with 0, 1 and 2 workers", { timeout: 120_000 }, async (ext) => {
    const none = await exportWith(ext, 0);
    expect(none.count).toBeGreaterThan(500);
    expect(none.files.size).toBeGreaterThan(0);
    for (const workers of [1, 2]) {
      const other = await exportWith(ext, workers);
      expect(other.count).toBe(none.count);
      expect([...other.files.keys()]).toEqual([...none.files.keys()]);
      for (const [name, bytes] of none.files) {
        // Zip entries carry a modification time: compare those archives' contents by size and CRC instead of the clock.
        if (ext === "kmz" || ext === "zip") expect(other.files.get(name)?.length, name).toBe(bytes.length);
        // A GeoPackage records when it was written (gpkg_contents.last_change): compare its tables instead.
        else if (ext === "gpkg") expect(gpkgRows(other.files.get(name) as Buffer)).toEqual(gpkgRows(bytes));
        else expect(other.files.get(name)?.equals(bytes), `${name} with ${workers} workers`).toBe(true);
      }
    }
  });

  it("writes the same bytes with outSR, a field subset, and no id field", { timeout: 60_000 }, async () => {
    const options = { fields: ["gaugelid", "location", "state"], outSR: 102100, geojson: { idField: false as const } };
    const none = await exportWith("geojson", 0, options);
    const two = await exportWith("geojson", 2, options);
    expect(two.files.get("gauges.geojson")?.equals(none.files.get("gauges.geojson") as Buffer)).toBe(true);
    expect(none.files.get("gauges.geojson")?.toString()).not.toContain('"id":');
  });

  it("reports progress up to the total and retries error envelopes through the pipeline", { timeout: 60_000 }, async () => {
    const none = await exportWith("geojsonl", 0);
    server.faults.random({ rate: 0.3, kinds: ["error-in-200", "status"], seed: 3, match: /\/query/, retryAfterSeconds: 0 });
    try {
      const progress: { done: number; total?: number }[] = [];
      const faulty = await exportWith("geojsonl", 2, { onProgress: (p) => progress.push(p) });
      expect(faulty.files.get("gauges.geojsonl")?.equals(none.files.get("gauges.geojsonl") as Buffer)).toBe(true);
      expect(progress.at(-1)).toEqual({ done: none.count, total: none.count });
      expect(progress.length).toBeGreaterThanOrEqual(2);
      expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    } finally {
      server.faults.clear();
    }
  });

  it("throws the typed error of a failing query and leaves nothing", { timeout: 60_000 }, async () => {
    server.faults.add({ match: /\/query\?.*returnGeometry=true/, times: 1000, fault: { kind: "error-in-200", code: 400, message: "Invalid query" } });
    const dir = mkdtempSync(join(root, "fail-"));
    try {
      await expect(exportLayer(gauges, join(dir, "gauges.geojson"), { where: WHERE, workers: 2 })).rejects.toBeInstanceOf(ArcGISRequestError);
    } finally {
      server.faults.clear();
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("stops on abort with ExportAbortedError and leaves nothing", { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(root, "abort-"));
    const controller = new AbortController();
    const reason = new Error("user stop");
    const run = exportLayer(gauges, join(dir, "gauges.geojson"), {
      where: WHERE,
      pageSize: 100,
      workers: 2,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 500) controller.abort(reason);
      },
    });
    await expect(run).rejects.toBeInstanceOf(ExportAbortedError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("checks workers before any request", async () => {
    const from = server.requests.length;
    for (const workers of [-1, 1.5, 17, Number.NaN]) {
      await expect(exportLayer(gauges, join(root, "never.geojson"), { workers })).rejects.toBeInstanceOf(ExportValidationError);
    }
    expect(server.requests.length).toBe(from);
  });

  it('"auto" takes no workers on loopback or under 4 cores, else cores - 2 (at most 2)', () => {
    expect(resolveWorkers("auto", "http://127.0.0.1:8080/arcgis/rest/services/x/MapServer/0", 16)).toBe(0);
    expect(resolveWorkers(undefined, "http://localhost/arcgis/rest/services/x/MapServer/0", 16)).toBe(0);
    expect(resolveWorkers("auto", "https://example.com/arcgis/rest/services/x/MapServer/0", 2)).toBe(0);
    expect(resolveWorkers("auto", "https://example.com/arcgis/rest/services/x/MapServer/0", 3)).toBe(0);
    expect(resolveWorkers("auto", "https://example.com/arcgis/rest/services/x/MapServer/0", 4)).toBe(2);
    expect(resolveWorkers("auto", "https://example.com/arcgis/rest/services/x/MapServer/0", 8)).toBe(2);
    expect(resolveWorkers(1, "http://127.0.0.1/x", 2)).toBe(1);
  });
});
