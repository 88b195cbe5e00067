import { ArcGISRequestError } from "@arcrest/core";

/** One edit result as a feature service reports it (`addResults[i]`, `addAttachmentResult` ...). */
export interface ServerEditResult {
  objectId: number | undefined;
  globalId: string | undefined;
  success: boolean;
  error: { code: number | undefined; description: string } | undefined;
}

/** The result lists of a layer's edit answer. */
export interface ServerLayerResults {
  addResults: ServerEditResult[];
  updateResults: ServerEditResult[];
  deleteResults: ServerEditResult[];
}

/** One layer's entry in a service-level applyEdits answer. */
export interface ServerServiceLayerResults extends ServerLayerResults {
  id: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function invalid(what: string, body: unknown): ArcGISRequestError {
  return new ArcGISRequestError({ message: `Unexpected edit answer: ${what}`, response: body, url: "" });
}

/** Parses one edit result; the error code may come as a number or a string. */
export function parseEditResult(value: unknown): ServerEditResult {
  if (!isRecord(value)) throw invalid("an edit result is not an object", value);
  const oid = value.objectId ?? value.objectid ?? value.OBJECTID;
  const objectId = typeof oid === "number" ? oid : typeof oid === "string" && /^-?\d+$/.test(oid) ? Number(oid) : undefined;
  const gid = value.globalId ?? value.globalid;
  const rawError = value.error;
  let error: ServerEditResult["error"];
  if (isRecord(rawError)) {
    const code = Number(rawError.code);
    const description = rawError.description ?? rawError.message;
    error = { code: Number.isFinite(code) ? code : undefined, description: typeof description === "string" ? description : JSON.stringify(rawError) };
  }
  const success = value.success === true || value.success === "true";
  return {
    objectId: objectId !== undefined && objectId >= 0 ? objectId : undefined,
    globalId: typeof gid === "string" && gid !== "" ? gid : undefined,
    success,
    error: success ? undefined : (error ?? { code: undefined, description: "The server reported the edit as not successful." }),
  };
}

function list(value: unknown, name: string): ServerEditResult[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(`${name} is not an array`, value);
  return value.map(parseEditResult);
}

/** Parses a layer's `applyEdits`, `addFeatures`, `updateFeatures` or `deleteFeatures` answer. */
export function parseLayerEditResults(body: unknown): ServerLayerResults {
  if (!isRecord(body)) throw invalid("not a JSON object", body);
  if (!("addResults" in body) && !("updateResults" in body) && !("deleteResults" in body)) {
    throw invalid("no addResults, updateResults or deleteResults", body);
  }
  return {
    addResults: list(body.addResults, "addResults"),
    updateResults: list(body.updateResults, "updateResults"),
    deleteResults: list(body.deleteResults, "deleteResults"),
  };
}

/** Parses a service-level `applyEdits` answer: one entry per layer. */
export function parseServiceEditResults(body: unknown): ServerServiceLayerResults[] {
  if (!Array.isArray(body)) throw invalid("a service-level applyEdits answer must be an array", body);
  return body.map((entry) => {
    if (!isRecord(entry) || typeof entry.id !== "number") throw invalid("a layer entry without a numeric id", entry);
    return { id: entry.id, ...parseLayerEditResults({ addResults: [], ...entry }) };
  });
}
