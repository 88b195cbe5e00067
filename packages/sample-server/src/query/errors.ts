/**
 * Errors the query engine reports, shaped like ArcGIS Server's JSON error bodies
 * (sent with HTTP 200, as ArcGIS does).
 */

/** The `{"error":{...}}` body ArcGIS Server answers with. */
export interface ArcGISErrorBody {
  error: { code: number; message: string; details: string[] };
}

/** A failure that becomes an ArcGIS error body; `details` name what was wrong. */
export class QueryError extends Error {
  /** ArcGIS error code (400 for bad input). */
  readonly code: number;
  /** The top-level message ArcGIS uses for this kind of failure. */
  readonly publicMessage: string;
  /** Detail lines of the error body. */
  readonly details: string[];

  constructor(details: string[], options: { code?: number; message?: string } = {}) {
    super(details.join(" "));
    this.name = "QueryError";
    this.code = options.code ?? 400;
    this.publicMessage = options.message ?? "Unable to complete operation.";
    this.details = details;
  }

  /** The JSON error body for this failure. */
  toBody(): ArcGISErrorBody {
    return { error: { code: this.code, message: this.publicMessage, details: this.details } };
  }
}

/** A 400 "Unable to complete operation." with the query-operation detail ArcGIS Server gives, plus ours. */
export function invalidQuery(detail: string): QueryError {
  return new QueryError(["Unable to perform query operation.", detail]);
}

/** A 400 for a parameter that cannot be parsed at all. */
export function invalidParameter(name: string, detail: string): QueryError {
  return new QueryError([`Invalid or missing input parameters.`, `'${name}' parameter is invalid: ${detail}`]);
}
