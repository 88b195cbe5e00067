/** The `f` parameter of query operations. */
import { invalidParameter } from "./errors.js";
import type { QueryParams } from "./params.js";

/** Response formats the query engine writes. */
export type ResponseFormat = "json" | "pjson" | "geojson";

/** Reads `f` (default json; html is answered as json since the sample server has no HTML pages). */
export function responseFormat(params: QueryParams, allowGeoJson: boolean): ResponseFormat {
  const f = (params.text("f") ?? "json").toLowerCase();
  if (f === "json" || f === "html") return "json";
  if (f === "pjson") return "pjson";
  if (f === "geojson" && allowGeoJson) return "geojson";
  throw invalidParameter("f", `format '${f}' is not supported`);
}
