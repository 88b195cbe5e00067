import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli } from "./spawn.js";

const exec = promisify(execFile);

let server: SampleServer;
let rest: string;
let gauges: string;
let incidents: string;
let dir: string;

beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
  rest = server.restUrl;
  gauges = `${rest}/ahps_gauges/MapServer/0`;
  incidents = `${rest}/SanFrancisco/311Incidents/FeatureServer/0`;
  dir = await mkdtemp(join(tmpdir(), "arcrest-cli-"));
});
afterAll(() => server.close());

async function ogrCount(path: string): Promise<number> {
  const { stdout } = await exec("ogrinfo", ["-ro", "-so", "-al", path]);
  return Number(/Feature Count: (\d+)/.exec(stdout)?.[1]);
}

describe("browsing", () => {
  it("ls lists the root folders and services; --recursive walks every folder and reports the secured one", async () => {
    const root = await runCli(["ls", rest]);
    expect(root.code).toBe(0);
    expect(root.stdout.split("\n")).toEqual(expect.arrayContaining(["Boundaries/", "SanFrancisco/", "ahps_gauges.MapServer"]));
    const all = await runCli(["ls", rest, "--recursive"]);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain("  SanFrancisco/311Incidents.MapServer");
    expect(all.stdout).not.toContain("Secure/Parcels");
    expect(all.stderr).toContain("skipped Secure/");
  });

  it("info summarises a layer with fields, count, extent and capabilities", async () => {
    const run = await runCli(["info", gauges, "--json"]);
    expect(run.code).toBe(0);
    const info = JSON.parse(run.stdout) as { kind: string; count: number; fields: { name: string }[]; extent: unknown; capabilities: string[] };
    expect(info.kind).toBe("layer");
    expect(info.count).toBe(server.dataset.services.find((s) => s.name === "ahps_gauges")?.layers[0].features.length);
    expect(info.fields.map((f) => f.name)).toContain("gaugelid");
    expect(info.extent).toBeTruthy();
    expect(info.capabilities.map((c) => c.toLowerCase())).toContain("query");
    const text = await runCli(["info", gauges]);
    expect(text.stdout).toMatch(/^count: \d+$/m);
    expect(text.stdout).toMatch(/^ {2}gaugelid {2}String/m);
  });

  it("info summarises a service and a directory", async () => {
    const service = JSON.parse((await runCli(["info", `${rest}/SanFrancisco/311Incidents/FeatureServer`, "--json"])).stdout) as { kind: string; layers: string[] };
    expect(service.kind).toBe("service");
    expect(service.layers[0]).toMatch(/^0 /);
    const directory = JSON.parse((await runCli(["info", rest, "--json"])).stdout) as { kind: string; folders: string[] };
    expect(directory).toMatchObject({ kind: "directory" });
    expect(directory.folders).toContain("Odd");
  });

  it("count counts with and without a where clause", async () => {
    const features = server.dataset.services.find((s) => s.name === "ahps_gauges")?.layers[0].features ?? [];
    const ca = features.filter((f) => f.attributes.state === "CA").length;
    expect((await runCli(["count", gauges, "--where", "state = 'CA'"])).stdout.trim()).toBe(String(ca));
    expect((await runCli(["count", gauges])).stdout.trim()).toBe(String(features.length));
  });
});

describe("export", () => {
  it.each(["shp", "geojson", "csv", "kmz", "zip", "geojsonl", "kml", "gpkg"])("writes .%s that GDAL reads with the right count", async (ext) => {
    const out = join(dir, `ca.${ext}`);
    const run = await runCli(["export", gauges, out, "--where", "state = 'CA'", "--json"]);
    expect(run.stderr).not.toContain("arcrest:");
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { features: number; files: string[] };
    const expected = Number((await runCli(["count", gauges, "--where", "state = 'CA'"])).stdout);
    expect(summary.features).toBe(expected);
    const path = ext === "zip" ? `/vsizip/${out}` : ext === "kmz" ? `/vsizip/${out}/doc.kml` : out;
    expect(await ogrCount(path)).toBe(expected);
  });

  it("projects with --out-sr, keeps only --fields, and filters by --bbox", async () => {
    const out = join(dir, "box.shp");
    const run = await runCli(["export", gauges, out, "--fields", "gaugelid,state", "--out-sr", "3857", "--bbox", "-125,32,-114,42", "--json"]);
    expect(run.code).toBe(0);
    const { stdout } = await exec("ogrinfo", ["-ro", "-so", "-al", out]);
    expect(stdout).toMatch(/Pseudo-Mercator|3857/);
    expect(stdout).toMatch(/^gaugelid: String/m);
    expect(stdout).not.toMatch(/^status:/m);
    const n = JSON.parse(run.stdout).features as number;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(Number((await runCli(["count", gauges])).stdout));
  });

  it("cuts to a polygon with --clip", async () => {
    const polygon = join(dir, "sacramento.geojson");
    await writeFile(polygon, JSON.stringify({ type: "Polygon", coordinates: [[[-122, 38], [-121, 38], [-121, 39], [-122, 39], [-122, 38]]] }));
    const out = join(dir, "clipped.geojson");
    const run = await runCli(["export", gauges, out, "--clip", polygon, "--json"]);
    expect(run.code).toBe(0);
    const written = JSON.parse(await readFile(out, "utf8")) as { features: { geometry: { coordinates: number[] } }[] };
    for (const f of written.features) {
      const [x, y] = f.geometry.coordinates;
      expect(x >= -122 && x <= -121 && y >= 38 && y <= 39).toBe(true);
    }
  });

  it("writes the same file with --workers 1 as with none, the worker running from the bundle", async () => {
    const none = join(dir, "w0.geojson");
    const one = join(dir, "w1.geojson");
    expect((await runCli(["export", gauges, none, "--workers", "0"])).code).toBe(0);
    const run = await runCli(["export", gauges, one, "--workers", "1", "--json"]);
    expect(run.code).toBe(0);
    // A page worker that cannot start (e.g. missing beside the bundle) would show as a "workers-stopped" warning.
    expect(JSON.parse(run.stdout).warnings).toBe(0);
    expect((await readFile(one)).equals(await readFile(none))).toBe(true);
  });

  it("refuses to replace a file without --overwrite (exit 1) and replaces it with", async () => {
    const out = join(dir, "twice.csv");
    expect((await runCli(["export", gauges, out])).code).toBe(0);
    const again = await runCli(["export", gauges, out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("--overwrite");
    expect(again.stderr).not.toContain("overwrite: true");
    expect((await runCli(["export", gauges, out, "--overwrite"])).code).toBe(0);
  });

  it("prints plain progress lines when stderr is not a terminal", async () => {
    const run = await runCli(["export", gauges, join(dir, "lines.geojson")]);
    expect(run.stderr).toMatch(/^\d+ of \d+ features \(\d+\/s\)$/m);
  });
});

describe("query to stdout", () => {
  it("streams newline-delimited GeoJSON, one feature per line", async () => {
    const run = await runCli(["query", gauges, "--where", "state = 'CA'", "--fields", "gaugelid"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as { type: string; properties: Record<string, unknown> });
    expect(lines.length).toBe(Number((await runCli(["count", gauges, "--where", "state = 'CA'"])).stdout));
    expect(lines[0].type).toBe("Feature");
    expect(Object.keys(lines[0].properties)).toEqual(["gaugelid"]);
  });

  it("writes CSV and a GeoJSON collection", async () => {
    const csv = await runCli(["query", gauges, "--format", "csv", "--limit", "5"]);
    expect(csv.stdout.trim().split("\n")).toHaveLength(6);
    const collection = JSON.parse((await runCli(["query", gauges, "--format", "geojson", "--limit", "3"])).stdout) as { features: unknown[] };
    expect(collection.features).toHaveLength(3);
  });

  it("ends quietly with 0 when the reader closes early (| head)", async () => {
    const { stdout, stderr } = await exec("bash", ["-c", `node ${BIN} query ${gauges} | head -n 2; echo "status=\${PIPESTATUS[0]}" >&2`]);
    expect(stdout.trim().split("\n")).toHaveLength(2);
    expect(stderr).toContain("status=0");
    expect(stderr).not.toContain("arcrest:");
    expect(stderr).not.toContain("EPIPE");
  });

  it("pipes into jq", async () => {
    const { stdout } = await exec("bash", ["-c", `node ${BIN} query ${gauges} --limit 3 | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(s.trim().split("\\n").map(l=>JSON.parse(l).id).join(",")))'`]);
    expect(stdout.trim()).toMatch(/^\d+,\d+,\d+$/);
  });
});

describe("edit", () => {
  it("adds from GeoJSON and deletes by where, with a per-feature summary", async () => {
    const adds = join(dir, "adds.geojson");
    const features = Array.from({ length: 25 }, (_, i) => ({
      type: "Feature",
      properties: { req_type: "CLI test", address: `${i} Market St`, status: 1 },
      geometry: { type: "Point", coordinates: [-122.4 + i / 1000, 37.78] },
    }));
    await writeFile(adds, JSON.stringify({ type: "FeatureCollection", features }));
    const added = await runCli(["edit", incidents, "--add", adds, "--chunk", "10", "--json"]);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ applied: 25, failed: 0, unknown: 0, requests: 3 });
    expect((await runCli(["count", incidents, "--where", "req_type = 'CLI test'"])).stdout.trim()).toBe("25");

    const deleted = await runCli(["edit", incidents, "--delete-where", "req_type = 'CLI test'"]);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toContain("applied: 25, failed: 0, unknown: 0");
    expect((await runCli(["count", incidents, "--where", "req_type = 'CLI test'"])).stdout.trim()).toBe("0");
  });

  it("updates features named by object id", async () => {
    const updates = join(dir, "updates.json");
    await writeFile(updates, JSON.stringify([{ attributes: { objectid: 2, address: "1 CLI Way" } }]));
    const run = await runCli(["edit", incidents, "--update", updates]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("applied: 1, failed: 0");
    expect((await runCli(["count", incidents, "--where", "objectid = 2 AND address = '1 CLI Way'"])).stdout.trim()).toBe("1");
  });

  it("exits 1 and names the failures when the server refuses edits", async () => {
    const adds = join(dir, "bad-adds.json");
    await writeFile(adds, JSON.stringify([
      { attributes: { req_type: "CLI bad", status: 2 }, geometry: { x: -122.4, y: 37.78 } },
      { attributes: { req_type: "CLI bad", status: "not a number" }, geometry: { x: -122.4, y: 37.78 } },
    ]));
    const run = await runCli(["edit", incidents, "--add", adds]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/applied: 1, failed: 1, unknown: 0/);
    expect(run.stdout).toMatch(/add #1: failed — .*status/);
  });

  it("needs exactly one kind of edit (usage, exit 2)", async () => {
    expect((await runCli(["edit", incidents])).code).toBe(2);
    expect((await runCli(["edit", incidents, "--add", "a.json", "--delete-where", "1=1"])).code).toBe(2);
  });
});

describe("attachments", () => {
  it("downloads every attachment into DIR/<objectId>/<id>-<name>", async () => {
    const out = join(dir, "attachments");
    const run = await runCli(["attachments", incidents, out, "--json"]);
    expect(run.code).toBe(0);
    const files = JSON.parse(run.stdout) as { path: string; size: number }[];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect((await stat(file.path)).size).toBe(file.size);
    expect(await readdir(join(out, "1"))).toEqual(expect.arrayContaining([expect.stringMatching(/-damage\.png$/)]));
  });
});

describe("usage errors exit 2 with a message", () => {
  const fill = (args: string[]): string[] => args.map((a) => a.replace("$GAUGES", gauges).replace("$REST", rest));
  it.each([
    [["nosuch"], /unknown command/],
    [["export", "$GAUGES"], /missing required argument/],
    [["count", "$GAUGES", "--bogus"], /unknown option/],
    [["count", "not a url"], /not an http\(s\) URL/],
    [["count", "$REST"], /not a layer URL/],
    [["export", "$GAUGES", "out.xyz"], /format/i],
    [["query", "$GAUGES", "--format", "xml"], /--format must be one of/],
    [["export", "$GAUGES", "x.shp", "--out-sr", "abc"], /--out-sr/],
    [["export", "$GAUGES", "x.geojson", "--workers", "many"], /--workers must be "auto" or an integer from 0 to 16/],
    [["export", "$GAUGES", "x.geojson", "--workers", "17"], /--workers/],
    [["--timeout", "-5", "count", "$GAUGES"], /--timeout/],
  ])("%j", async (args, message) => {
    const run = await runCli(fill(args as string[]), { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("an unreachable server is a failure (exit 1) in one line", async () => {
    const run = await runCli(["count", "http://127.0.0.1:9/arcgis/rest/services/x/MapServer/0", "--timeout", "2000"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    const verbose = await runCli(["count", "http://127.0.0.1:9/arcgis/rest/services/x/MapServer/0", "--verbose"]);
    expect(verbose.stderr.trim().split("\n").length).toBeGreaterThan(1);
  });

  it("every command has --help with an example", async () => {
    for (const command of ["ls", "info", "count", "export", "query", "edit", "attachments", "login", "serve-sample"]) {
      const run = await runCli([command, "--help"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Example:");
    }
  });
});

describe("authentication", () => {
  const secured = () => `${rest}/Secure`;

  it("a secured folder needs a token; --username with ARCREST_PASSWORD signs in, and the token is never printed", async () => {
    expect((await runCli(["ls", secured()])).code).toBe(1);
    server.clearRequests();
    const run = await runCli(["--username", "arcrest", "ls", secured()], { env: { ARCREST_PASSWORD: "arcrest-pass" } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Secure/Parcels.MapServer");
    const sent = server.requests.map((r) => r.body.token).filter(Boolean);
    expect(sent.length).toBeGreaterThan(0);
    for (const token of sent) expect(run.stdout + run.stderr).not.toContain(token);
    for (const request of server.requests) expect(request.query.token).toBeUndefined();
  });

  it("--username without a password and without a terminal is a usage error", async () => {
    const run = await runCli(["--username", "arcrest", "ls", secured()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ARCREST_PASSWORD");
  });

  it("login saves a token (mode 0600) that later commands use for that server only", async () => {
    const config = await mkdtemp(join(tmpdir(), "arcrest-config-"));
    const env = { ARCREST_CONFIG_DIR: config };
    const login = await runCli(["--username", "arcrest", "login", rest], { env: { ...env, ARCREST_PASSWORD: "arcrest-pass" } });
    expect(login.code).toBe(0);
    const file = join(config, "tokens.json");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const [saved] = JSON.parse(await readFile(file, "utf8")) as { token: string; serverRoot: string }[];
    expect(login.stdout + login.stderr).not.toContain(saved.token);
    expect(await readFile(file, "utf8")).not.toContain("arcrest-pass");

    server.clearRequests();
    const listed = await runCli(["ls", secured()], { env });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("Secure/Parcels.MapServer");
    for (const request of server.requests) expect(JSON.stringify(request.query)).not.toContain(saved.token);

    const logout = await runCli(["login", rest, "--logout"], { env });
    expect(logout.code).toBe(0);
    expect((await runCli(["ls", secured()], { env })).code).toBe(1);
  });

  it("a wrong password fails with exit 1 and does not echo the password", async () => {
    const run = await runCli(["--username", "arcrest", "ls", secured()], { env: { ARCREST_PASSWORD: "wrong-secret" } });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain("wrong-secret");
  });
});
