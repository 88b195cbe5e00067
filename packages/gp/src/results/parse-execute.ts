import { parseMessages } from "../parse/messages.js";
import { isObject, unexpectedResponse } from "../parse/shape.js";
import { GPRunResult } from "./gp-run-result.js";
import { parseResult } from "./parse-result.js";

/** An execute answer: `{ results: [{ paramName, dataType, value }], messages }`. */
export function parseExecuteResponse(json: unknown, url: string): GPRunResult {
  if (!isObject(json) || !Array.isArray(json.results)) throw unexpectedResponse(url, "execute results ({ results, messages })", json);
  const results = json.results
    .filter((r): r is Record<string, unknown> => isObject(r) && typeof r.paramName === "string")
    .map((r) => parseResult({ paramName: String(r.paramName), dataType: String(r.dataType ?? ""), value: r.value }));
  return new GPRunResult(results, parseMessages(json.messages));
}
