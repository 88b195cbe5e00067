import { ValidationError } from "@arcrest/core";
import { describe, expect, it } from "vitest";
import { cancelJob, execute, GPJob, GPTask, jobResult, jobStatus, submitJob, waitForJob, type GPInputs, type GPRunOptions } from "../src/index.js";
import { SEED_POINT, useSampleServer } from "./support.js";

const ctx = useSampleServer();

/** Runs `call`, expects a ValidationError naming `parameter`, and that the server saw no request. */
async function rejectsBeforeAnyRequest(call: () => Promise<unknown>, parameter: string): Promise<void> {
  const before = ctx.server.requests.length;
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, parameter).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).parameter).toBe(parameter);
  expect(ctx.server.requests.length, parameter).toBe(before);
}

describe("bad input is a ValidationError before any request", () => {
  const describeInputs: [string, GPInputs, string][] = [
    ["an unknown input name", { Text: "x", Nope: 1 }, "inputs.Nope"],
    ["an output given as an input", { Text: "x", Summary: "y" }, "inputs.Summary"],
    ["a missing required input", { Count: 2 }, "inputs.Text"],
    ["a GPString that is a number", { Text: 5 }, "inputs.Text"],
    ["a GPLong that is not an integer", { Text: "x", Count: 1.5 }, "inputs.Count"],
    ["a GPDouble that is NaN", { Text: "x", Factor: Number.NaN }, "inputs.Factor"],
    ["a GPBoolean that is a string", { Text: "x", Flag: "yes" }, "inputs.Flag"],
    ["a GPDate that is an invalid Date", { Text: "x", When: new Date("not a date") }, "inputs.When"],
    ["a GPLinearUnit without a numeric distance", { Text: "x", Distance: { distance: "2", units: "esriMiles" } }, "inputs.Distance"],
    ["a multivalue that is not an array", { Text: "x", Names: "a,b" }, "inputs.Names"],
    ["a multivalue with a non-string item", { Text: "x", Names: ["a", 2] }, "inputs.Names"],
    ["a GPRecordSet that is not rows", { Text: "x", Table: [1, 2] }, "inputs.Table"],
    ["a GPDataFile that is a bare string", { Text: "x", Attachment: "report.txt" }, "inputs.Attachment"],
    ["a value outside the choice list", { Text: "x", Color: "purple" }, "inputs.Color"],
  ];

  it.each(describeInputs)("%s", async (_, inputs, parameter) => {
    const task = await GPTask.connect(`${ctx.gp}/DescribeInputs`, { session: ctx.session });
    await rejectsBeforeAnyRequest(() => task.run(inputs), parameter);
  });

  it.each([
    ["a feature record set that is not a geometry", { Input_Location: { foo: 1 } }, "inputs.Input_Location"],
    ["a feature record set that is text but not JSON", { Input_Location: "POINT (1 2)" }, "inputs.Input_Location"],
    ["an empty list of features", { Input_Location: [] }, "inputs.Input_Location"],
  ])("%s", async (_, inputs, parameter) => {
    const task = await GPTask.connect(`${ctx.gp}/CreateDriveTimePolygons`, { session: ctx.session });
    await rejectsBeforeAnyRequest(() => task.run(inputs), parameter);
  });

  it.each<[string, GPRunOptions, string]>([
    ["an outSR that is not a wkid", { outSR: -1 }, "outSR"],
    ["a processSR that is not a spatial reference", { processSR: "4326" as unknown as number }, "processSR"],
    ["a negative pollInterval", { pollInterval: -5 }, "pollInterval"],
    ["a zero timeout", { timeout: 0 }, "timeout"],
  ])("%s (asynchronous task: no job is started)", async (_, options, parameter) => {
    const task = await GPTask.connect(`${ctx.gp}/CreateDriveTimePolygonsAsync`, { session: ctx.session });
    await rejectsBeforeAnyRequest(() => task.run({ Input_Location: SEED_POINT }, options), parameter);
  });

  it("inputs that are not an object", async () => {
    const task = await GPTask.connect(`${ctx.gp}/CreateDriveTimePolygons`, { session: ctx.session });
    await rejectsBeforeAnyRequest(() => task.run([SEED_POINT] as unknown as GPInputs), "inputs");
  });

  it("submit() on a synchronous task", async () => {
    const task = await GPTask.connect(`${ctx.gp}/CreateDriveTimePolygons`, { session: ctx.session });
    await rejectsBeforeAnyRequest(() => task.submit({ Input_Location: SEED_POINT }), "executionType");
  });

  it("URLs that are not a task's and job ids that are not ids", async () => {
    const url = `${ctx.gp}/SlowCount`;
    await rejectsBeforeAnyRequest(() => GPTask.connect(ctx.gp), "url");
    await rejectsBeforeAnyRequest(() => GPTask.connect("ftp://host/arcgis/rest/services/Tools/GPServer/X"), "url");
    await rejectsBeforeAnyRequest(() => execute(`${ctx.server.restUrl}/Tools/MapServer/0`, { inputs: {} }), "url");
    await rejectsBeforeAnyRequest(() => submitJob("not a url", { inputs: {} }), "url");
    await rejectsBeforeAnyRequest(() => jobStatus(url, "../../x"), "jobId");
    await rejectsBeforeAnyRequest(() => cancelJob(url, ""), "jobId");
    await rejectsBeforeAnyRequest(() => jobResult(url, "j1", "a/b"), "paramName");
    await rejectsBeforeAnyRequest(() => waitForJob(url, "j1", { pollInterval: Number.POSITIVE_INFINITY }), "pollInterval");
    await rejectsBeforeAnyRequest(async () => GPJob.resume(url, "j 1"), "jobId");
  });
});
