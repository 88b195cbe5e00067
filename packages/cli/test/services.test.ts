import { execFile } from "node:child_process";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startResourceProxy, startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli } from "./spawn.js";

const exec = promisify(execFile);
const ADMIN = { ARCREST_PASSWORD: "arcrest-pass" };

let server: SampleServer;
let locator: string;
let gp: string;
let dir: string;

beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
  locator = `${server.restUrl}/Locators/SampleLocator/GeocodeServer`;
  gp = `${server.restUrl}/Tools/GPServer`;
  dir = await mkdtemp(join(tmpdir(), "arcrest-cli-services-"));
});
afterAll(() => server.close());

function requestsTo(suffix: RegExp): number {
  return server.requests.filter((r) => suffix.test(r.path)).length;
}

describe("geocode", () => {
  it("finds one address: the best candidate first, as text and as JSON", async () => {
    const run = await runCli(["geocode", locator, "400 Oak St, Redlands, CA, 92373", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const candidates = JSON.parse(run.stdout) as { address: string; score: number; x: number; y: number }[];
    expect(candidates[0].address).toMatch(/^400 Oak St, Redlands, CA/);
    expect(candidates[0].score).toBe(100);
    expect(candidates[0].x).toBeCloseTo(-117.18, 1);
    expect(candidates.map((c) => c.score)).toEqual([...candidates.map((c) => c.score)].sort((a, b) => b - a));
    const text = await runCli(["geocode", locator, "400", "Oak", "St,", "Redlands", "--max", "2"]);
    expect(text.code).toBe(0);
    expect(text.stdout.trim().split("\n")).toHaveLength(2);
    expect(text.stdout).toMatch(/^ *\d+ {2}-117\.\d+ 34\.\d+ {2}400 Oak St, Redlands/);
  });

  it("geocodes a CSV of address fields into a file GDAL reads, every record kept, with progress", async () => {
    // The sample table's numbering: the s-th street ("Oak St" 0, "Oak Ave" 1, "Pine St" 2, …) has numbers 100·k + 2s.
    const streets: Array<[string, number]> = [["Oak St", 0], ["Pine St", 4], ["Maple St", 8], ["Cedar St", 12], ["Elm St", 16], ["Main St", 20]];
    const rows = Array.from({ length: 60 }, (_, i) => `${(i % 10) * 100 + 100 + streets[i % 6][1]},"${streets[i % 6][0]}",Redlands,CA`);
    rows.push('1,"Nowhere Lane, Unit ""9""",Atlantis,ZZ');
    const input = join(dir, "addresses.csv");
    await writeFile(input, `Address,City,Region\n${rows.map((r) => r.replace(/^(\d+),"([^"]*)"/, '"$1 $2"')).join("\n")}\n`);
    const out = join(dir, "geocoded.csv");
    const run = await runCli(["geocode", locator, "--batch", input, out, "--chunk", "20", "--json"]);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { records: number; matched: number; unmatched: number; failed: number; format: string };
    expect(summary).toMatchObject({ records: 61, failed: 0, format: "csv" });
    expect(summary.unmatched).toBe(1);
    expect(summary.matched).toBe(60);
    expect(run.stderr).toMatch(/61 of 61 addresses/);
    expect(requestsTo(/GeocodeServer\/geocodeAddresses$/)).toBeGreaterThanOrEqual(4);
    const { stdout } = await exec("ogrinfo", ["-ro", "-al", "-q", out]);
    expect(stdout.match(/OGRFeature/g)).toHaveLength(61);
    expect(stdout).toContain("in_Address (String) = 1 Nowhere Lane, Unit \"9\"");
    expect(stdout).toMatch(/status \(String\) = unmatched/);
  });

  it("on a terminal, batch geocoding draws a bar whose count advances to the total", async () => {
    const input = join(dir, "many.csv");
    await writeFile(input, `SingleLine\n${Array.from({ length: 600 }, (_, i) => `${(i % 10) * 100 + 100} Oak St, Redlands, CA`).join("\n")}\n`);
    const out = join(dir, "many.geojson");
    // `script` gives the command a pseudo-terminal, as an interactive shell would.
    const { stdout } = await exec("script", ["-qfec", `${process.execPath} ${BIN} geocode ${locator} --batch ${input} ${out} --chunk 10`, "/dev/null"], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const counts = [...stdout.matchAll(/(\d+)\/600 addresses \| \d+\/s \| ETA/g)].map((m) => Number(m[1]));
    expect(new Set(counts).size).toBeGreaterThanOrEqual(2);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(600);
    expect(stdout).toContain("geocoded 600 records (");
  });

  it("geocodes a text file of one-line addresses into a shapefile; an existing output needs --overwrite", async () => {
    const input = join(dir, "addresses.txt");
    await writeFile(input, "100 Oak St, Redlands, CA\n\n204 Pine St, Portland, OR\n");
    const out = join(dir, "geocoded.shp");
    const first = await runCli(["geocode", locator, "--batch", input, out]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("geocoded 2 records (matched 2");
    const { stdout } = await exec("ogrinfo", ["-ro", "-so", "-al", out]);
    expect(stdout).toMatch(/Feature Count: 2/);
    const again = await runCli(["geocode", locator, "--batch", input, out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/--overwrite/);
    expect((await runCli(["geocode", locator, "--batch", input, out, "--overwrite"])).code).toBe(0);
  });

  it("an address that matches nothing exits 1", async () => {
    const run = await runCli(["geocode", locator, "zzzz qqqq"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("no candidates\n");
  });

  it("bad usage exits 2 before any request", async () => {
    server.clearRequests();
    expect((await runCli(["geocode", locator])).code).toBe(2);
    expect((await runCli(["geocode", `${server.restUrl}/ahps_gauges/MapServer`, "x"])).code).toBe(2);
    expect((await runCli(["geocode", locator, "--batch", join(dir, "missing.csv"), join(dir, "o.csv")])).code).toBe(2);
    expect((await runCli(["geocode", locator, "--batch", join(dir, "addresses.txt")])).code).toBe(2);
    expect(server.requests).toHaveLength(0);
  });
});

describe("gp", () => {
  const point = JSON.stringify({ x: -117.19, y: 34.05, spatialReference: { wkid: 4326 } });

  it("runs a synchronous task with typed inputs and prints its outputs", async () => {
    const run = await runCli(["gp", `${gp}/CreateDriveTimePolygons`, "--param", `Input_Location=${point}`, "--param", "Drive_Times=1 2 3", "--json"]);
    expect(run.stderr).toMatch(/Succeeded/);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { jobId: string | null; outputs: Record<string, { features: unknown[] }> };
    expect(result.jobId).toBeNull();
    expect(result.outputs.Output_Drive_Time_Polygons.features).toHaveLength(3);
  });

  it("follows an asynchronous job's statuses and messages", async () => {
    const run = await runCli(["gp", `${gp}/StatusSequence`, "-p", "Statuses=esriJobWaiting esriJobExecuting esriJobSucceeded", "--poll", "1"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^job \S+: Waiting$/m);
    expect(run.stderr).toMatch(/^ {2}informative: Status esriJobExecuting\.$/m);
    expect(run.stdout).toBe("Count (GPLong): 3\n");
  });

  it("a failing job exits 1 with the server's message", async () => {
    const run = await runCli(["gp", `${gp}/AlwaysFails`, "-p", "Reason=no data", "--poll", "1"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ERROR 999999: no data/);
  });

  it("Ctrl-C during a job sends one cancel and exits 130", async () => {
    const before = requestsTo(/\/jobs\/[^/]+\/cancel$/);
    let sent = false;
    const run = await runCli(["gp", `${gp}/SlowCount`, "--poll", "20"], {
      onStderr: (text, child) => {
        if (!sent && /Counted 3\./.test(text)) {
          sent = true;
          child.kill("SIGINT");
        }
      },
    });
    expect(sent).toBe(true);
    expect(run.code).toBe(130);
    expect(requestsTo(/\/jobs\/[^/]+\/cancel$/) - before).toBe(1);
  });

  it("an unknown input or a bad value is a usage error naming it", async () => {
    const unknown = await runCli(["gp", `${gp}/StatusSequence`, "-p", "Nope=1"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no input named Nope; its inputs are Statuses/);
    const bad = await runCli(["gp", `${gp}/StatusSequence`, "-p", "Statuses"]);
    expect(bad.code).toBe(2);
    expect((await runCli(["gp", gp, "-p", "a=b"])).code).toBe(2);
  });
});

describe("admin", () => {
  const admin = (...args: string[]) => runCli(["--username", "arcrest", "admin", ...args], { env: ADMIN });

  it("lists services with their state", async () => {
    const run = await admin("services", server.adminUrl, "--json");
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as { service: string; state: string }[];
    expect(listed.map((s) => s.service)).toEqual(expect.arrayContaining(["ahps_gauges.MapServer", "SanFrancisco/311Incidents.MapServer"]));
    expect(new Set(listed.map((s) => s.state))).toEqual(new Set(["STARTED"]));
  });

  it("stops and starts a folder with progress and per-service results", async () => {
    const folder = server.dataset.services.filter((s) => s.name.startsWith("Odd/"));
    const stopped = await admin("stop", server.adminUrl, "Odd");
    expect(stopped.code).toBe(0);
    expect(stopped.stdout.trim().split("\n")).toEqual(folder.map((s) => `stopped ${s.name}.${s.type}`));
    expect(stopped.stderr).toContain(`${folder.length} of ${folder.length} services`);
    expect(folder.every((s) => s.started === false)).toBe(true);
    const states = JSON.parse((await admin("services", server.adminUrl, "--folder", "Odd", "--json")).stdout) as { state: string }[];
    expect(states.map((s) => s.state)).toEqual(folder.map(() => "STOPPED"));
    const started = await admin("start", server.adminUrl, "Odd", "--json");
    expect(started.code).toBe(0);
    expect((JSON.parse(started.stdout) as { ok: boolean }[]).every((r) => r.ok)).toBe(true);
    expect(folder.every((s) => s.started !== false)).toBe(true);
  });

  it("a service that fails to stop is reported and the exit code is 1", async () => {
    const target = server.dataset.services.find((s) => s.name.startsWith("Odd/"));
    if (!target) throw new Error("no Odd service");
    const path = `${target.name}.${target.type}`;
    server.faults.add({ match: new RegExp(`/admin/services/${target.name}\\.${target.type}/stop`), fault: { kind: "error-in-200", code: 500, message: "busy" } });
    const run = await admin("stop", server.adminUrl, "Odd");
    server.faults.clear();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FAILED  ${path} — busy`);
    await admin("start", server.adminUrl, "Odd");
  });

  it("pages through the logs, newest first, and stops requesting at --limit", async () => {
    const before = requestsTo(/\/admin\/logs\/query$/);
    const run = await admin("logs", server.adminUrl, "--level", "info", "--limit", "1200", "--page-size", "500", "--json");
    expect(run.code).toBe(0);
    const logs = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as { time: number; type: string });
    expect(logs).toHaveLength(1200);
    expect(logs.map((l) => l.time)).toEqual([...logs.map((l) => l.time)].sort((a, b) => b - a));
    expect(new Set(logs.map((l) => l.type))).toEqual(new Set(["SEVERE", "WARNING", "INFO"]));
    expect(requestsTo(/\/admin\/logs\/query$/) - before).toBe(3);
  });

  it("goes through --proxy like every other command", async () => {
    const proxy = await startResourceProxy();
    try {
      const run = await runCli(["--username", "arcrest", "--proxy", proxy.url, "admin", "services", server.adminUrl, "--folder", "Odd", "--json"], { env: ADMIN });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).not.toHaveLength(0);
      const paths = proxy.requests.map((r) => new URL(r.url.slice(r.url.indexOf("?") + 1)).pathname);
      expect(paths).toEqual(expect.arrayContaining(["/arcgis/admin/generateToken", "/arcgis/admin/services/Odd"]));
    } finally {
      await proxy.close();
    }
  });

  it("needs credentials, and refuses a wrong password", async () => {
    const none = await runCli(["admin", "services", server.adminUrl]);
    expect(none.code).toBe(2);
    const wrong = await runCli(["--username", "arcrest", "admin", "services", server.adminUrl], { env: { ARCREST_PASSWORD: "wrong" } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).not.toContain("wrong");
    expect((await admin("services", server.restUrl)).code).toBe(2);
  });
});

describe("portal search", () => {
  async function total(q: string, token?: string): Promise<number> {
    const body = new URLSearchParams({ q, num: "1", f: "json", ...(token ? { token } : {}) });
    const response = await fetch(`${server.portal.url}/sharing/rest/search`, { method: "POST", body });
    return ((await response.json()) as { total: number }).total;
  }

  it("pages through every item the query matches, with progress", async () => {
    const expected = await total("*");
    expect(expected).toBeGreaterThan(10);
    const run = await runCli(["portal", "search", server.portal.url, "--page-size", "7", "--json"]);
    expect(run.code).toBe(0);
    const items = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as { id: string; access: string });
    expect(items).toHaveLength(expected);
    expect(new Set(items.map((i) => i.id)).size).toBe(expected);
    expect(new Set(items.map((i) => i.access))).toEqual(new Set(["public"]));
    expect(run.stderr).toContain(`${expected} of ${expected} items`);
  });

  it("a query and --limit; signed in, more items are visible", async () => {
    const limited = await runCli(["portal", "search", server.portal.url, "type:\"Web Map\"", "--limit", "3", "--page-size", "2"]);
    expect(limited.code).toBe(0);
    const lines = limited.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^[0-9a-f]{32} {2}Web Map/);
    const anonymous = await total("*");
    const signedIn = await runCli(["--username", "arcrest", "portal", "search", server.portal.url, "--json"], { env: ADMIN });
    expect(signedIn.code).toBe(0);
    expect(signedIn.stdout.trim().split("\n").length).toBeGreaterThan(anonymous);
  });
});

describe("help", () => {
  it.each([["geocode"], ["gp"], ["admin"], ["portal"], ["admin", "services"], ["admin", "start"], ["admin", "logs"], ["portal", "search"]])("%s %s --help shows an example", async (...command) => {
    const run = await runCli([...command.filter(Boolean), "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Example/);
  });
  it("writes nothing when the output is refused", async () => {
    expect(await readdir(dir)).not.toContain("o.csv");
  });
});
