import { type FeatureSet } from "@arcrest/core";
import { describe, expect, it } from "vitest";
import { execute, fetchTaskInfo, GPJob, GPTask, jobResults, jobStatus, submitJob, waitForJob, type GPProgress } from "../src/index.js";
import { paramsOf, requestsTo, SEED_POINT, useSampleServer } from "./support.js";

const ctx = useSampleServer();
const FAST = { pollInterval: 1 };

describe("GPTask", () => {
  it("connects and lists the parameters as the task describes them", async () => {
    const task = await GPTask.connect(`${ctx.gp}/DescribeInputs/`, { session: ctx.session });
    expect(task.name).toBe("DescribeInputs");
    expect(task.url).toBe(`${ctx.gp}/DescribeInputs`);
    expect(task.executionType).toBe("esriExecutionTypeSynchronous");
    expect(task.parameters.map((p) => [p.name, p.dataType, p.direction, p.parameterType])).toContainEqual([
      "Color",
      "GPString",
      "esriGPParameterDirectionInput",
      "esriGPParameterTypeOptional",
    ]);
    const color = task.parameters.find((p) => p.name === "Color");
    expect(color).toMatchObject({ defaultValue: "red", choiceList: ["red", "green", "blue"] });
    expect(task.parameters.find((p) => p.name === "Factor")?.defaultValue).toBeNull();
    const async = await GPTask.connect(`${ctx.gp}/CreateDriveTimePolygonsAsync`, { session: ctx.session });
    expect(async.executionType).toBe("esriExecutionTypeAsynchronous");
  });

  it("runs a synchronous task with execute: the seed's drive-time polygons as a core FeatureSet", async () => {
    const task = await GPTask.connect(`${ctx.gp}/CreateDriveTimePolygons`, { session: ctx.session });
    const from = ctx.server.requests.length;
    const progress: GPProgress[] = [];
    const result = await task.run({ Input_Location: SEED_POINT, Drive_Times: "1 2 3" }, { onProgress: (p) => progress.push(p) });
    expect(requestsTo(ctx.server, "/execute", from)).toHaveLength(1);
    expect(requestsTo(ctx.server, "/submitJob", from)).toHaveLength(0);
    expect(result.jobId).toBeUndefined();
    expect(result.status).toBe("esriJobSucceeded");
    expect(result.results.map((r) => [r.paramName, r.dataType])).toEqual([["Output_Drive_Time_Polygons", "GPFeatureRecordSetLayer"]]);
    const polygons = result.value<FeatureSet>("Output_Drive_Time_Polygons");
    expect(polygons.geometryType).toBe("esriGeometryPolygon");
    expect(polygons.spatialReference?.latestWkid ?? polygons.spatialReference?.wkid).toBe(3857);
    expect(polygons.features.map((f) => f.attributes.ToBreak)).toEqual([3, 2, 1]);
    expect(result.featureSet("output_drive_time_polygons")).toBe(polygons);
    expect(result.messages.map((m) => m.description)).toEqual(["Executing (CreateDriveTimePolygons).", "Succeeded."]);
    expect(progress).toEqual([{ jobId: undefined, status: "esriJobSucceeded", messages: result.messages }]);
    // The input went as a feature set with its spatial reference (the seed's `sr` spelling becomes `spatialReference`).
    const sent = JSON.parse(paramsOf(requestsTo(ctx.server, "/execute", from)[0]).Input_Location) as Record<string, unknown>;
    expect(sent).toMatchObject({ geometryType: "esriGeometryPoint", spatialReference: { wkid: 102100, latestWkid: 3857 } });
    expect(() => result.value("Nope")).toThrow(/no output named Nope/);
  });

  it("runs an asynchronous task with submitJob, polls, and reads the results from jobs/<id>/results/<param>", async () => {
    const task = await GPTask.connect(`${ctx.gp}/CreateDriveTimePolygonsAsync`, { session: ctx.session });
    const from = ctx.server.requests.length;
    const progress: GPProgress[] = [];
    const result = await task.run({ Input_Location: SEED_POINT, Drive_Times: "2 4" }, { ...FAST, outSR: 4326, processSR: { wkid: 3857 }, returnZ: false, onProgress: (p) => progress.push(p) });
    expect(result.jobId).toMatch(/^j[0-9a-f]{32}$/);
    expect(requestsTo(ctx.server, "/submitJob", from)).toHaveLength(1);
    expect(paramsOf(requestsTo(ctx.server, "/submitJob", from)[0])).toMatchObject({ "env:outSR": "4326", "env:processSR": '{"wkid":3857}', returnZ: "false" });
    expect(requestsTo(ctx.server, `/jobs/${result.jobId}/results/Output_Drive_Time_Polygons`, from)).toHaveLength(1);
    const polygons = result.featureSet("Output_Drive_Time_Polygons");
    expect(polygons.spatialReference?.wkid).toBe(4326);
    expect(polygons.features.map((f) => f.attributes.ToBreak)).toEqual([4, 2]);
    // Every status in order, each message reported once, in the server's order.
    expect(progress.map((p) => p.status)).toEqual(["esriJobExecuting", "esriJobExecuting", "esriJobExecuting", "esriJobSucceeded"]);
    const reported = progress.flatMap((p) => p.messages.map((m) => m.description));
    expect(reported).toEqual(["Submitted.", "Executing...", "Solving service areas for 1 location(s).", "Creating polygons for breaks 2, 4.", "Succeeded."]);
    expect(result.messages.map((m) => m.description)).toEqual(reported);
    expect(progress.every((p) => p.jobId === result.jobId)).toBe(true);
    // Status reads ask for the messages.
    expect(paramsOf(requestsTo(ctx.server, `/jobs/${result.jobId}`, from)[0]).returnMessages).toBe("true");
  });

  it("serialises every input type the way the server reads it, and returns a GPDataFile as { url }", async () => {
    const task = await GPTask.connect(`${ctx.gp}/DescribeInputs`, { session: ctx.session });
    const when = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    const result = await task.run({
      Text: "hello",
      Count: 3,
      Factor: 0.5,
      Flag: true,
      When: when,
      Distance: { distance: 2.5, units: "esriKilometers" },
      Names: ["a", "b"],
      Table: [{ id: 1, name: "x" }],
      Attachment: { url: "https://example.com/a.txt" },
      Color: "green",
    });
    const summary = result.value<string>("Summary");
    expect(JSON.parse(summary)).toEqual({
      Text: "hello",
      Count: 3,
      Factor: 0.5,
      Flag: true,
      When: when.getTime(),
      Distance: { distance: 2.5, units: "esriKilometers" },
      Names: ["a", "b"],
      Table: [{ id: 1, name: "x" }],
      Attachment: { url: "https://example.com/a.txt" },
      Color: "green",
    });
    const file = result.value<{ url: string }>("Report_File");
    expect(Object.keys(file)).toEqual(["url"]);
    expect(await (await fetch(file.url)).text()).toBe(summary);
  });

  it("accepts a core Geometry, GeoJSON and a JSON string for a feature record set", async () => {
    const task = await GPTask.connect(`${ctx.gp}/CreateDriveTimePolygons`, { session: ctx.session });
    const { Geometry } = await import("@arcrest/core");
    const inputs = [
      Geometry.from({ x: -95.25, y: 38.96, spatialReference: { wkid: 4326 } }),
      { type: "Point", coordinates: [-95.25, 38.96] },
      { type: "FeatureCollection", features: [{ type: "Feature", properties: { n: 1 }, geometry: { type: "Point", coordinates: [-95.25, 38.96] } }] },
      JSON.stringify(SEED_POINT),
      { x: -10603050, y: 4715351, spatialReference: { wkid: 3857 } },
      [{ geometry: { x: -10603050, y: 4715351, spatialReference: { wkid: 3857 } }, attributes: { n: 1 } }],
    ];
    for (const input of inputs) {
      const from = ctx.server.requests.length;
      const result = await task.run({ Input_Location: input, Drive_Times: "1" });
      expect(result.featureSet("Output_Drive_Time_Polygons").features).toHaveLength(1);
      const sent = JSON.parse(paramsOf(requestsTo(ctx.server, "/execute", from)[0]).Input_Location) as { geometryType: string; spatialReference: { wkid: number }; features: unknown[] };
      expect(sent.geometryType).toBe("esriGeometryPoint");
      expect([4326, 3857, 102100]).toContain(sent.spatialReference.wkid);
      expect(sent.features).toHaveLength(1);
    }
  });
});

describe("functional forms", () => {
  it("execute reads the task's parameters first when they are not given", async () => {
    const url = `${ctx.gp}/CreateDriveTimePolygons`;
    const from = ctx.server.requests.length;
    const result = await execute(url, { inputs: { Input_Location: SEED_POINT }, session: ctx.session });
    expect(ctx.server.requests.slice(from).map((r) => r.path.split("/").pop())).toEqual(["CreateDriveTimePolygons", "execute"]);
    // Drive_Times left out: the server's default "1 2 3".
    expect(result.featureSet("Output_Drive_Time_Polygons").features).toHaveLength(3);
  });

  it("submitJob, jobStatus, waitForJob and jobResults follow a job", async () => {
    const url = `${ctx.gp}/CreateDriveTimePolygonsAsync`;
    const { parameters } = await fetchTaskInfo(url, { session: ctx.session });
    const submitted = await submitJob(url, { inputs: { Input_Location: SEED_POINT, Drive_Times: "1" }, parameters, session: ctx.session });
    expect(submitted.status).toBe("esriJobSubmitted");
    const first = await jobStatus(url, submitted.jobId, { session: ctx.session });
    expect(first).toMatchObject({ jobId: submitted.jobId, status: "esriJobExecuting" });
    await expect(jobResults(url, submitted.jobId, { session: ctx.session })).rejects.toMatchObject({ name: "ValidationError", parameter: "jobId" });
    const done = await waitForJob(url, submitted.jobId, { ...FAST, session: ctx.session });
    expect(done.status).toBe("esriJobSucceeded");
    expect(Object.keys(done.results ?? {})).toEqual(["Output_Drive_Time_Polygons"]);
    const result = await jobResults(url, submitted.jobId, { job: done, session: ctx.session });
    expect(result.featureSet("Output_Drive_Time_Polygons").features).toHaveLength(1);
  });
});

describe("GPJob", () => {
  it("submit returns at once; status, wait and results follow the job", async () => {
    const task = await GPTask.connect(`${ctx.gp}/CreateDriveTimePolygonsAsync`, { session: ctx.session });
    const from = ctx.server.requests.length;
    const job = await task.submit({ Input_Location: SEED_POINT, Drive_Times: "1" });
    expect(requestsTo(ctx.server, `/jobs/${job.jobId}`, from)).toHaveLength(0);
    expect((await job.status()).status).toBe("esriJobExecuting");
    const done = await job.wait(FAST);
    expect(done.status).toBe("esriJobSucceeded");
    expect(job.lastStatus).toBe(done);
    const reads = requestsTo(ctx.server, `/jobs/${job.jobId}`, from).length;
    const result = await job.results();
    // A job known to have succeeded is not polled again.
    expect(requestsTo(ctx.server, `/jobs/${job.jobId}`, from)).toHaveLength(reads);
    expect(result.jobId).toBe(job.jobId);
    expect(result.featureSet("Output_Drive_Time_Polygons").features).toHaveLength(1);
  });

  it("resumes a running job by id from a new GPTask", async () => {
    const first = await GPTask.connect(`${ctx.gp}/CreateDriveTimePolygonsAsync`, { session: ctx.session });
    const started = await first.submit({ Input_Location: SEED_POINT, Drive_Times: "1 2" });
    await started.status();
    expect((await started.status()).status).toBe("esriJobExecuting");

    const again = await GPTask.connect(`${ctx.gp}/CreateDriveTimePolygonsAsync`, { session: ctx.session });
    const resumed = GPJob.resume(again.url, started.jobId, { session: ctx.session });
    const progress: GPProgress[] = [];
    const done = await resumed.wait({ ...FAST, onProgress: (p) => progress.push(p) });
    expect(done.status).toBe("esriJobSucceeded");
    // The first report of a resumed job carries every message so far, then only new ones.
    expect(progress.flatMap((p) => p.messages.map((m) => m.description))).toEqual(done.messages.map((m) => m.description));
    expect(progress[0].messages.length).toBeGreaterThan(1);
    const result = await again.job(started.jobId).results(FAST);
    expect(result.featureSet("Output_Drive_Time_Polygons").features.map((f) => f.attributes.ToBreak)).toEqual([2, 1]);
  });
});
