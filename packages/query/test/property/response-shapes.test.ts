/**
 * Fuzz: query answers with the right envelope but wrong insides — `features` missing or not an array,
 * `null` features, wrong types in `fields`, counts that are strings, ids that are objects — give a result
 * or a typed error (`ArcGISRequestError` / `ValidationError`), never a TypeError.
 */
import fc from "fast-check";
import { ArcGISRequestError, Session, ValidationError } from "@arcrest/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryCount, queryFeatures, queryObjectIds } from "../../src/index.js";
import { startHostileServer } from "../../../core/test/property/hostile-bodies.js";

const RUNS = 1000;
// A fixed seed: every run checks the same cases (FC_SEED=<n> explores others).
const SEED = Number(process.env.FC_SEED ?? 20261206);
let hostile: Awaited<ReturnType<typeof startHostileServer>>;
const session = new Session({ retry: { limit: 0 }, timeoutMs: 5000 });

beforeAll(async () => {
  hostile = await startHostileServer();
});
afterAll(() => hostile.close());

const junk = fc.oneof(fc.constant(null), fc.constant(undefined), fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}), fc.constant([null]));
const feature = fc.oneof(
  junk,
  fc.record({ attributes: fc.oneof(junk, fc.dictionary(fc.string({ maxLength: 5 }), junk)), geometry: fc.oneof(junk, fc.record({ x: junk, y: junk })) }, { requiredKeys: [] }),
);
const field = fc.oneof(junk, fc.record({ name: junk, type: fc.oneof(junk, fc.constantFrom("esriFieldTypeOID", "esriFieldTypeDate", "esriFieldTypeString")) }, { requiredKeys: [] }));
const featureSet = fc.record(
  {
    features: fc.oneof(junk, fc.array(feature, { maxLength: 6 })),
    fields: fc.oneof(junk, fc.array(field, { maxLength: 4 })),
    objectIdFieldName: junk,
    exceededTransferLimit: junk,
    spatialReference: junk,
    geometryType: junk,
    count: junk,
    objectIds: fc.oneof(junk, fc.array(junk, { maxLength: 4 })),
  },
  { requiredKeys: [] },
);

function typed(error: unknown): boolean {
  return error instanceof ArcGISRequestError || error instanceof ValidationError;
}

describe("query operations over wrong-typed answers", () => {
  it.each([
    ["queryFeatures", (url: string) => queryFeatures(url, { session, where: "1=1" })],
    ["queryCount", (url: string) => queryCount(url, { session, where: "1=1" })],
    ["queryObjectIds", (url: string) => queryObjectIds(url, { session, where: "1=1" })],
  ] as const)("%s gives a result or a typed error", async (_name, call) => {
    await fc.assert(
      fc.asyncProperty(featureSet, async (body) => {
        hostile.answer({ status: 200, contentType: "application/json", body: JSON.stringify(body) });
        try {
          await call(hostile.url);
        } catch (error) {
          expect(typed(error), `got ${String(error)} for ${JSON.stringify(body)}`).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000); // many HTTP exchanges: generous for a loaded machine
});
