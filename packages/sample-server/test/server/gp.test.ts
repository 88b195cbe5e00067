import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer, type SampleServer } from "../../src/index.js";
import { getJson, postForm } from "../helpers/http.js";

let server: SampleServer;
let gp: string;
beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
  gp = `${server.restUrl}/Tools/GPServer`;
});
afterAll(() => server.close());

const point = JSON.stringify({
  geometryType: "esriGeometryPoint",
  features: [{ geometry: { x: -10603050.16225853, y: 4715351.1473399615, spatialReference: { wkid: 102100, latestWkid: 3857 } } }],
  sr: { wkid: 102100, latestWkid: 3857 },
});

type Job = { jobId: string; jobStatus: string; messages?: { type: string; description: string }[]; results?: Record<string, { paramUrl: string }> };

describe("GPServer Tools", () => {
  it("describes the service and its tasks like ArcGIS Server", async () => {
    const service = (await getJson(`${gp}?f=json`)).body;
    expect(service).toMatchObject({ executionType: "esriExecutionTypeAsynchronous", resultMapServerName: "", maximumRecords: 1000 });
    expect(service.tasks).toEqual(expect.arrayContaining(["CreateDriveTimePolygons", "CreateDriveTimePolygonsAsync", "SlowCount"]));
    const task = (await getJson(`${gp}/CreateDriveTimePolygons?f=json`)).body as { executionType: string; parameters: Record<string, unknown>[] };
    expect(task.executionType).toBe("esriExecutionTypeSynchronous");
    expect(task.parameters.map((p) => [p.name, p.dataType, p.direction, p.parameterType])).toEqual([
      ["Input_Location", "GPFeatureRecordSetLayer", "esriGPParameterDirectionInput", "esriGPParameterTypeRequired"],
      ["Drive_Times", "GPString", "esriGPParameterDirectionInput", "esriGPParameterTypeOptional"],
      ["Output_Drive_Time_Polygons", "GPFeatureRecordSetLayer", "esriGPParameterDirectionOutput", "esriGPParameterTypeDerived"],
    ]);
    expect(task.parameters[1].defaultValue).toBe("1 2 3");
  });

  it("executes a synchronous task: one clockwise circle per break around the point", async () => {
    const { body } = await postForm<{ results: { paramName: string; dataType: string; value: { features: { attributes: { ToBreak: number }; geometry: { rings: number[][][] } }[] } }[]; messages: unknown[] }>(
      `${gp}/CreateDriveTimePolygons/execute`,
      { f: "json", Input_Location: point, Drive_Times: "1 2 3" },
    );
    expect(body.results[0]).toMatchObject({ paramName: "Output_Drive_Time_Polygons", dataType: "GPFeatureRecordSetLayer" });
    const features = body.results[0].value.features;
    expect(features.map((f) => f.attributes.ToBreak)).toEqual([3, 2, 1]);
    const ring = features[2].geometry.rings[0];
    const xs = ring.map((p) => p[0]);
    expect((Math.max(...xs) - Math.min(...xs)) / 2).toBeCloseTo(800, 0);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    // Clockwise: the shoelace sum is negative for clockwise rings in a y-up system.
    const area = ring.slice(1).reduce((sum, p, i) => sum + (ring[i][0] * p[1] - p[0] * ring[i][1]), 0);
    expect(area).toBeLessThan(0);
  });

  it("runs a job through Submitted → Executing → Succeeded, one step per status read", async () => {
    const submitted = (await postForm<Job>(`${gp}/CreateDriveTimePolygonsAsync/submitJob`, { f: "json", Input_Location: point })).body;
    expect(submitted.jobStatus).toBe("esriJobSubmitted");
    expect(submitted.jobId).toMatch(/^j[0-9a-f]{32}$/);
    const statuses: string[] = [];
    let job: Job;
    do {
      job = (await getJson<Job>(`${gp}/CreateDriveTimePolygonsAsync/jobs/${submitted.jobId}?f=json`)).body;
      statuses.push(job.jobStatus);
    } while (job.jobStatus !== "esriJobSucceeded");
    expect(statuses).toEqual(["esriJobExecuting", "esriJobExecuting", "esriJobExecuting", "esriJobSucceeded"]);
    expect(job.messages?.map((m) => m.description)).toEqual(["Submitted.", "Executing...", "Solving service areas for 1 location(s).", "Creating polygons for breaks 1, 2, 3.", "Succeeded."]);
    expect(job.results).toEqual({ Output_Drive_Time_Polygons: { paramUrl: "results/Output_Drive_Time_Polygons" } });
    const result = (await getJson<{ paramName: string; value: { features: unknown[] } }>(`${gp}/CreateDriveTimePolygonsAsync/jobs/${job.jobId}/${job.results!.Output_Drive_Time_Polygons.paramUrl}?f=json`)).body;
    expect(result.paramName).toBe("Output_Drive_Time_Polygons");
    expect(result.value.features).toHaveLength(3);
  });

  it("cancels a running job (Cancelling, then Cancelled) and refuses to cancel a finished one", async () => {
    const { jobId } = (await postForm<Job>(`${gp}/SlowCount/submitJob`, { f: "json" })).body;
    const status = () => getJson<Job>(`${gp}/SlowCount/jobs/${jobId}?f=json`);
    expect((await status()).body.jobStatus).toBe("esriJobExecuting");
    expect((await postForm<Job>(`${gp}/SlowCount/jobs/${jobId}/cancel`, { f: "json" })).body).toEqual({ jobId, jobStatus: "esriJobCancelling" });
    expect((await status()).body.jobStatus).toBe("esriJobCancelled");
    expect((await status()).body.messages?.at(-1)?.description).toBe("Cancel complete.");
    const again = (await postForm<{ error: { code: number } }>(`${gp}/SlowCount/jobs/${jobId}/cancel`, { f: "json" })).body;
    expect(again.error.code).toBe(400);
  });

  it("fails a job with warning and error messages", async () => {
    const { jobId } = (await postForm<Job>(`${gp}/AlwaysFails/submitJob`, { f: "json" })).body;
    let job: Job;
    do job = (await getJson<Job>(`${gp}/AlwaysFails/jobs/${jobId}?f=json`)).body;
    while (job.jobStatus !== "esriJobFailed");
    expect(job.messages?.map((m) => m.type)).toContain("esriJobMessageTypeError");
    expect((await getJson<{ error: { code: number } }>(`${gp}/AlwaysFails/jobs/${jobId}/results/Nothing?f=json`)).body.error.code).toBe(400);
  });

  it("echoes typed inputs and serves the GPDataFile it wrote", async () => {
    const { body } = await postForm<{ results: { paramName: string; value: unknown }[] }>(`${gp}/DescribeInputs/execute`, {
      f: "json",
      Text: "hello",
      Count: "3",
      When: "1199145600000",
      Names: '["a","b"]',
    });
    const summary = JSON.parse(body.results[0].value as string) as Record<string, unknown>;
    expect(summary).toMatchObject({ Text: "hello", Count: 3, When: 1199145600000, Names: ["a", "b"], Color: "red" });
    const file = body.results[1].value as { url: string };
    expect(await (await fetch(file.url)).text()).toBe(body.results[0].value);
  });

  it("answers bad inputs, unknown jobs and the wrong operation with ArcGIS error bodies", async () => {
    const bad = await postForm<{ error: { code: number; details: string[] } }>(`${gp}/DescribeInputs/execute`, { f: "json", Text: "x", Color: "pink" });
    expect(bad.body.error.code).toBe(400);
    expect(bad.body.error.details[0]).toMatch(/Color/);
    expect((await getJson<{ error: { code: number } }>(`${gp}/SlowCount/jobs/jnope?f=json`)).body.error.code).toBe(400);
    expect((await postForm<{ error: { code: number } }>(`${gp}/SlowCount/execute`, { f: "json" })).body.error.code).toBe(400);
    expect((await postForm<{ error: { code: number } }>(`${gp}/CreateDriveTimePolygons/submitJob`, { f: "json", Input_Location: point })).body.error.code).toBe(400);
  });

  it("applies injected faults to submitJob, status and results requests", async () => {
    server.faults.add({ match: /\/submitJob/, fault: { kind: "status", status: 503 } });
    expect((await fetch(`${gp}/SlowCount/submitJob?f=json`)).status).toBe(503);
    const { jobId } = (await postForm<Job>(`${gp}/SlowCount/submitJob`, { f: "json" })).body;
    server.faults.add({ match: /\/jobs\/[^/]+\?/, fault: { kind: "error-in-200", code: 500, message: "Unable to complete operation." } });
    expect((await getJson<{ error?: unknown }>(`${gp}/SlowCount/jobs/${jobId}?f=json`)).body.error).toBeDefined();
    // The faulted read did not advance the job.
    expect((await getJson<Job>(`${gp}/SlowCount/jobs/${jobId}?f=json`)).body.messages).toHaveLength(2);
  });
});
