import { describe, expect, it } from "vitest";
import { GPJob, GPJobError, GPTask, GPTimeoutError, waitForJob, type GPJobStatus, type GPProgress } from "../src/index.js";
import { requestsTo, SEED_POINT, useSampleServer } from "./support.js";

const ctx = useSampleServer();
const FAST = { pollInterval: 1 };

async function statusSequence(statuses: GPJobStatus[], progress: GPProgress[] = []) {
  const task = await GPTask.connect(`${ctx.gp}/StatusSequence`, { session: ctx.session });
  return task.run({ Statuses: statuses.join(" ") }, { ...FAST, onProgress: (p) => progress.push(p) });
}

function cancelsOf(jobId: string): number {
  return requestsTo(ctx.server, `/jobs/${jobId}/cancel`).length;
}

describe("job statuses", () => {
  it("follows New, Submitted, Waiting and Executing to Succeeded, reporting each status once per read", async () => {
    const progress: GPProgress[] = [];
    const statuses: GPJobStatus[] = ["esriJobNew", "esriJobSubmitted", "esriJobWaiting", "esriJobExecuting", "esriJobExecuting", "esriJobSucceeded"];
    const result = await statusSequence(statuses, progress);
    expect(progress.map((p) => p.status)).toEqual(statuses);
    expect(progress.flatMap((p) => p.messages.map((m) => m.description))).toEqual([
      "Submitted.",
      ...statuses.map((s) => `Status ${s}.`),
    ]);
    expect(result.value("Count")).toBe(statuses.length);
  });

  it("keeps polling through Cancelling and rejects a Cancelled job with GPJobError", async () => {
    const progress: GPProgress[] = [];
    const error = await statusSequence(["esriJobExecuting", "esriJobCancelling", "esriJobCancelled"], progress).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GPJobError);
    const jobError = error as GPJobError;
    expect(jobError.status).toBe("esriJobCancelled");
    expect(jobError.jobId).toMatch(/^j[0-9a-f]{32}$/);
    expect(jobError.messages.map((m) => m.description)).toEqual(["Submitted.", "Status esriJobExecuting.", "Status esriJobCancelling.", "Status esriJobCancelled."]);
    expect(progress.map((p) => p.status)).toEqual(["esriJobExecuting", "esriJobCancelling", "esriJobCancelled"]);
  });

  it.each(["esriJobFailed", "esriJobTimedOut"] as const)("rejects a job that ends %s with GPJobError and the server's messages", async (status) => {
    const error = (await statusSequence(["esriJobExecuting", status]).catch((e: unknown) => e)) as GPJobError;
    expect(error).toBeInstanceOf(GPJobError);
    expect(error.status).toBe(status);
    expect(error.messages.at(-1)).toEqual({ type: "esriJobMessageTypeError", description: `Status ${status}.` });
    expect(error.message).toContain(`Status ${status}.`);
  });

  it("a failing task: GPJobError with its warning and error messages; no results are read", async () => {
    const task = await GPTask.connect(`${ctx.gp}/AlwaysFails`, { session: ctx.session });
    const from = ctx.server.requests.length;
    const error = (await task.run({ Reason: "No roads near the input." }, FAST).catch((e: unknown) => e)) as GPJobError;
    expect(error).toBeInstanceOf(GPJobError);
    expect(error.status).toBe("esriJobFailed");
    expect(error.messages.map((m) => m.type)).toEqual([
      "esriJobMessageTypeInformative",
      "esriJobMessageTypeInformative",
      "esriJobMessageTypeWarning",
      "esriJobMessageTypeError",
      "esriJobMessageTypeError",
    ]);
    expect(error.message).toContain("ERROR 999999: No roads near the input.");
    expect(requestsTo(ctx.server, /\/results\//, from)).toHaveLength(0);
    // Asking a failed job for its results is the same error.
    await expect(task.job(error.jobId).results(FAST)).rejects.toBeInstanceOf(GPJobError);
  });
});

describe("cancel and timeout", () => {
  it("an abort during run() sends one cancel, then rejects with the signal's reason", async () => {
    const task = await GPTask.connect(`${ctx.gp}/SlowCount`, { session: ctx.session });
    const controller = new AbortController();
    const reason = new Error("stop counting");
    let reports = 0;
    const error = await task
      .run({}, { ...FAST, signal: controller.signal, onProgress: () => (++reports === 3 ? controller.abort(reason) : undefined) })
      .catch((e: unknown) => e);
    expect(error).toBe(reason);
    expect(reports).toBe(3);
    const jobId = requestsTo(ctx.server, /\/SlowCount\/jobs\/[^/]+$/).at(-1)?.path.split("/").pop() ?? "";
    expect(cancelsOf(jobId)).toBe(1);
    // The server cancelled it: the next read says Cancelled.
    const job = GPJob.resume(task.url, jobId, { session: ctx.session });
    expect((await job.status()).status).toBe("esriJobCancelled");
  });

  it("a signal already aborted when wait() starts still cancels the job exactly once", async () => {
    const task = await GPTask.connect(`${ctx.gp}/SlowCount`, { session: ctx.session });
    const job = await task.submit({});
    const controller = new AbortController();
    controller.abort(new Error("not needed any more"));
    await expect(job.wait({ ...FAST, signal: controller.signal })).rejects.toThrow("not needed any more");
    expect(cancelsOf(job.jobId)).toBe(1);
    expect(requestsTo(ctx.server, `/jobs/${job.jobId}`)).toHaveLength(0);
  });

  it("timeout cancels the job once and rejects with GPTimeoutError", async () => {
    const task = await GPTask.connect(`${ctx.gp}/SlowCount`, { session: ctx.session });
    const job = await task.submit({});
    const error = (await job.wait({ pollInterval: 1, timeout: 50 }).catch((e: unknown) => e)) as GPTimeoutError;
    expect(error).toBeInstanceOf(GPTimeoutError);
    expect(error).toMatchObject({ jobId: job.jobId, timeoutMs: 50 });
    expect(cancelsOf(job.jobId)).toBe(1);
    expect((await job.status()).status).toBe("esriJobCancelled");
  });

  it("a synchronous run: abort rejects with the reason before execute is sent; timeout rejects with GPTimeoutError", async () => {
    const task = await GPTask.connect(`${ctx.gp}/CreateDriveTimePolygons`, { session: ctx.session });
    const controller = new AbortController();
    controller.abort(new Error("never mind"));
    const from = ctx.server.requests.length;
    await expect(task.run({ Input_Location: SEED_POINT }, { signal: controller.signal })).rejects.toThrow("never mind");
    expect(requestsTo(ctx.server, "/execute", from)).toHaveLength(0);

    // The server holds the answer for 30 s; the 50 ms timeout ends the call first.
    ctx.server.faults.add({ match: /\/CreateDriveTimePolygons\/execute/, fault: { kind: "delay", ms: 30_000 } });
    try {
      const error = await task.run({ Input_Location: SEED_POINT }, { timeout: 50 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GPTimeoutError);
      expect(error).toMatchObject({ jobId: undefined, timeoutMs: 50 });
    } finally {
      ctx.server.faults.clear();
    }
  });

  it("job.cancel() cancels a running job", async () => {
    const task = await GPTask.connect(`${ctx.gp}/SlowCount`, { session: ctx.session });
    const job = await task.submit({});
    expect((await job.cancel()).status).toBe("esriJobCancelling");
    await expect(job.wait(FAST)).rejects.toMatchObject({ name: "GPJobError", status: "esriJobCancelled" });
  });
});

describe("transient failures", () => {
  it("status and result reads that fail under injected faults are retried and the job still succeeds", async () => {
    const task = await GPTask.connect(`${ctx.gp}/CreateDriveTimePolygonsAsync`, { session: ctx.session });
    const statusRead = /\/CreateDriveTimePolygonsAsync\/jobs\/[^/?]+\?/;
    ctx.server.faults.add({ match: statusRead, times: 2, fault: { kind: "status", status: 503 } });
    ctx.server.faults.add({ match: statusRead, times: 1, fault: { kind: "cut" } });
    ctx.server.faults.add({ match: statusRead, times: 1, fault: { kind: "error-in-200", code: 500, message: "Unable to complete operation." } });
    ctx.server.faults.add({ match: /\/results\/Output_Drive_Time_Polygons\?/, times: 1, fault: { kind: "status", status: 502 } });
    try {
      const from = ctx.server.requests.length;
      const progress: GPProgress[] = [];
      const result = await task.run({ Input_Location: SEED_POINT, Drive_Times: "1 2 3" }, { ...FAST, onProgress: (p) => progress.push(p) });
      expect(result.featureSet("Output_Drive_Time_Polygons").features).toHaveLength(3);
      const jobId = result.jobId ?? "";
      // 4 failed reads + 4 answered ones (Executing ×3, Succeeded); no status was reported twice or skipped.
      expect(requestsTo(ctx.server, `/jobs/${jobId}`, from)).toHaveLength(8);
      expect(progress.map((p) => p.status)).toEqual(["esriJobExecuting", "esriJobExecuting", "esriJobExecuting", "esriJobSucceeded"]);
      expect(progress.flatMap((p) => p.messages)).toEqual(result.messages);
      expect(requestsTo(ctx.server, `/jobs/${jobId}/results/Output_Drive_Time_Polygons`, from)).toHaveLength(2);
    } finally {
      ctx.server.faults.clear();
    }
  });

  it("a status read that keeps failing rejects (it is not mistaken for a finished job) and the job is not cancelled", async () => {
    const task = await GPTask.connect(`${ctx.gp}/SlowCount`, { session: ctx.session });
    const job = await task.submit({});
    ctx.server.faults.add({ match: new RegExp(`/jobs/${job.jobId}\\?`), times: Infinity, fault: { kind: "status", status: 500 } });
    try {
      await expect(waitForJob(task.url, job.jobId, { ...FAST, session: ctx.session })).rejects.toMatchObject({ name: "ArcGISRequestError", httpStatus: 500 });
      expect(cancelsOf(job.jobId)).toBe(0);
    } finally {
      ctx.server.faults.clear();
    }
  });
});
