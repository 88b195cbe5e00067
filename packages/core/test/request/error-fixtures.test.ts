/**
 * Every recorded error and auth body in fixtures/arcgis/{errors,auth} (repository root) is parsed
 * into the right error class (or recognised as not an error).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ArcGISAuthError, ArcGISRequestError } from "../../src/index.js";
import { errorFromBody } from "../../src/request/parse-error.js";

const root = join(import.meta.dirname, "../../../../fixtures/arcgis");
const context = { url: "https://h/arcgis/rest/services/S/MapServer/0/query", method: "POST" as const, httpStatus: 200 };

type Expectation = { auth: boolean; code: number | undefined; message: RegExp; details?: string[]; messageCode?: string };

const expected: Record<string, Expectation> = {
  "arcgis-rest-js__error-403-no-permission.json": { auth: true, code: 403, message: /do not have permissions/ },
  "arcgis-rest-js__error-498-invalid-token.json": { auth: true, code: 498, message: /^Invalid token\.$/ },
  "arcgis-rest-js__error-499-token-required.json": {
    auth: true,
    code: 499,
    message: /^Token Required$/,
    details: ["Token Required"],
    messageCode: "GWM_0003",
  },
  "arcgis-rest-js__error-billing-500.json": { auth: false, code: 500, message: /^Error getting subscription info$/ },
  "arcgis-rest-js__error-generateToken-invalid-credentials.json": {
    auth: true,
    code: 400,
    message: /^Unable to generate token\. \(Invalid username or password\.\)$/,
    details: ["Invalid username or password."],
  },
  "arcgis-rest-js__error-no-code.json": { auth: true, code: undefined, message: /do not have permissions/ },
  "arcgis-rest-js__error-oauth2-refresh-token-expired.json": { auth: true, code: 498, message: /^refresh_token expired$/ },
  "arcgis-rest-js__error-task-failed-json-message.json": {
    auth: false,
    code: 400,
    message: /^Index was outside the bounds of the array\.$/,
  },
  "arcgis-rest-js__feature-genericInvalidResponse.json": { auth: false, code: 400, message: /^Invalid or missing input parameters\.$/ },
  "arcgis-rest-js__service-addToDefinition-error.json": {
    auth: false,
    code: 400,
    message: /^Unable to add feature service definition\. \(Object reference not set to an instance of an object\.\)$/,
    details: ["Object reference not set to an instance of an object."],
  },
  "oa-machine__us-nm-washington-probe.json": { auth: false, code: 400, message: /^Failed to execute query\.$/ },
  "oa-machine__us-tx-runnels-metadata.json": { auth: true, code: 499, message: /^Token Required$/ },
  "pyesridump__us-mi-kent-statistics.json": { auth: false, code: 400, message: /^Unable to complete operation\.$/ },
};

describe("error fixtures", () => {
  const files = readdirSync(join(root, "errors")).filter((f) => f.endsWith(".json"));

  it("has an expectation for every fixture", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(files)("%s becomes the right typed error", (file) => {
    const body: unknown = JSON.parse(readFileSync(join(root, "errors", file), "utf8"));
    const error = errorFromBody(body, context);
    const want = expected[file];
    expect(error).toBeInstanceOf(ArcGISRequestError);
    expect(error instanceof ArcGISAuthError).toBe(want.auth);
    expect(error?.code).toBe(want.code);
    expect(error?.message).toMatch(want.message);
    if (want.details) expect(error?.details).toEqual(want.details);
    if (want.messageCode) expect(error?.messageCode).toBe(want.messageCode);
    expect(error?.response).toEqual(body);
    expect(error?.url).toBe(context.url);
    expect(error?.httpStatus).toBe(200);
  });
});

describe("auth fixtures", () => {
  it.each(readdirSync(join(root, "auth")).filter((f) => f.endsWith(".json")))("%s is not an error", (file) => {
    const body: unknown = JSON.parse(readFileSync(join(root, "auth", file), "utf8"));
    expect(errorFromBody(body, context)).toBeUndefined();
  });
});

describe("errorFromBody on successful answers", () => {
  it.each([
    [{ features: [], exceededTransferLimit: false }],
    [{ count: 12 }],
    [{ addResults: [{ objectId: 1, success: true }] }],
    [{ success: true }],
    [{ status: "succeeded" }],
    [{ codedValues: [{ code: 500, name: "x" }] }],
    [[1, 2]],
    ["text"],
  ])("%j is not an error", (body) => {
    expect(errorFromBody(body, context)).toBeUndefined();
  });

  it("reads {success:false} and admin {status:'error', messages}", () => {
    const a = errorFromBody({ success: false, error: { code: 400, message: "bad", details: ["x"] } }, context);
    expect(a?.code).toBe(400);
    expect(a?.details).toEqual(["x"]);
    const b = errorFromBody({ status: "error", messages: ["Service 'x' not found"], code: 404 }, context);
    expect(b?.code).toBe(404);
    expect(b?.message).toBe("Service 'x' not found");
  });
});
