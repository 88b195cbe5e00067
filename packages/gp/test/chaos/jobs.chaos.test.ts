/**
 * Chaos: asynchronous GP jobs whose submit, status and result reads meet 10% mixed faults (5xx, 429,
 * errors in HTTP 200, cut connections, stalls). Status and result reads are retried; a submit is a write
 * and is never sent twice. `CHAOS=long` (`pnpm test:chaos`): 50 jobs; default: 5.
 */
import { describe, expect, it } from "vitest";
import { GPTask } from "../../src/index.js";
import { requestsTo, SEED_POINT, useSampleServer } from "../support.js";

const JOBS = process.env.CHAOS === "long" ? 50 : 5;
const SEED = Number(process.env.CHAOS_SEED ?? 18);
const ctx = useSampleServer();

describe(`chaos: ${JOBS} GP jobs through 10% faults on their reads (seed ${SEED})`, () => {
  it("every job succeeds with its full result", async () => {
    const task = await GPTask.connect(`${ctx.gp}/CreateDriveTimePolygonsAsync`, { session: ctx.session });
    const from = ctx.server.requests.length;
    ctx.server.faults.random({
      rate: 0.1,
      kinds: ["status", "rate-limit", "error-in-200", "cut", "delay"],
      match: /CreateDriveTimePolygonsAsync\/jobs\//,
      retryAfterSeconds: 0,
      delayMs: 200,
      seed: SEED,
    });
    // One of each kind for sure, whatever the random draw gives a short run.
    for (const fault of [{ kind: "status", status: 503 }, { kind: "cut" }, { kind: "error-in-200", code: 500, message: "busy" }, { kind: "rate-limit", retryAfterSeconds: 0 }] as const) {
      ctx.server.faults.add({ match: /CreateDriveTimePolygonsAsync\/jobs\//, fault });
    }
    try {
      for (let i = 0; i < JOBS; i++) {
        const result = await task.run({ Input_Location: SEED_POINT, Drive_Times: "1 2 3" }, { pollInterval: 1 });
        expect(result.featureSet("Output_Drive_Time_Polygons").features, `job ${i}`).toHaveLength(3);
      }
    } finally {
      ctx.server.faults.clear();
    }
    expect(requestsTo(ctx.server, "/submitJob", from)).toHaveLength(JOBS);
  }, 600_000);
});
