/**
 * Fuzz: whatever a server answers — truncated JSON, HTML pages with status 200, NaN/Infinity, numbers past
 * 2^53, nesting 200,000 deep — `request()` either returns parsed JSON or throws a typed error. Never a
 * TypeError or a RangeError, never a hang.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArcGISRequestError, Session, ValidationError, request } from "../../src/index.js";
import { hostileAnswer, startHostileServer } from "./hostile-bodies.js";

const RUNS = 1000;
// A fixed seed: every run checks the same cases (FC_SEED=<n> explores others).
const SEED = Number(process.env.FC_SEED ?? 20261206);
let hostile: Awaited<ReturnType<typeof startHostileServer>>;
// No retries: each case is one answer; a short timeout turns a hang into a failure of the property.
const session = new Session({ retry: { limit: 0 }, timeoutMs: 5000 });

beforeAll(async () => {
  hostile = await startHostileServer();
});
afterAll(() => hostile.close());

describe("request() over hostile answers", () => {
  it("gives JSON or a typed error, never anything else", async () => {
    await fc.assert(
      fc.asyncProperty(hostileAnswer, async (answer) => {
        hostile.answer(answer);
        try {
          const value = await request(hostile.url, { session, params: { where: "1=1" } });
          expect(answer.status).toBe(200);
          expect(value === null || typeof value !== "undefined").toBe(true);
        } catch (error) {
          expect(error instanceof ArcGISRequestError || error instanceof ValidationError, `got ${String(error)}`).toBe(true);
          expect(error).not.toBeInstanceOf(TypeError);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000); // 1,000 HTTP exchanges: generous for a loaded machine (a hang still fails through the session's timeout)
});
