import { request, ValidationError, type CallOptions, type LayerMetadata } from "@arcrest/core";
import { classifyFailure } from "./request-outcome.js";
import type { EditErrorInfo, EditStatus } from "./types.js";

/** One field to calculate: a value, or an SQL expression evaluated per feature. */
export type CalcExpression = { field: string; value: unknown } | { field: string; sqlExpression: string };

/** Options of {@link calculate}. */
export interface CalculateOptions extends CallOptions {
  /** Features to calculate; default all. */
  where?: string;
  /** Dialect of `sqlExpression`s; the server's default (`standard`) unless given. */
  sqlFormat?: "standard" | "native";
  /** Per-request timeout in ms. */
  timeout?: number;
}

/** The outcome of a calculate. */
export interface CalculateResult {
  /** `applied`, `not-applied` (refused) or `unknown` (the answer was lost; it is not sent again). */
  status: EditStatus;
  success: boolean;
  /** Features updated, as the server counts them. */
  updatedFeatureCount: number | undefined;
  error: EditErrorInfo | undefined;
}

/** The `calcExpression` parameter from `{ field: value }` or a list of expressions; `Date`s become epoch ms. */
export function calcExpressions(expressions: Record<string, unknown> | readonly CalcExpression[]): CalcExpression[] {
  const list: CalcExpression[] = Array.isArray(expressions)
    ? [...(expressions as readonly CalcExpression[])]
    : Object.entries(expressions as Record<string, unknown>).map(([field, value]) => ({ field, value }));
  if (list.length === 0) throw new ValidationError("expressions", "give at least one field to calculate");
  return list.map((e, i) => {
    if (typeof e !== "object" || e === null || typeof e.field !== "string" || e.field === "") throw new ValidationError(`expressions[${i}]`, "needs a field name");
    if ("sqlExpression" in e) {
      if (typeof e.sqlExpression !== "string" || e.sqlExpression.trim() === "") throw new ValidationError(`expressions[${i}].sqlExpression`, "must be a non-empty string");
      return { field: e.field, sqlExpression: e.sqlExpression };
    }
    if (!("value" in e)) throw new ValidationError(`expressions[${i}]`, "needs a value or an sqlExpression");
    const value = e.value instanceof Date ? e.value.getTime() : e.value;
    if (typeof value === "object" && value !== null) throw new ValidationError(`expressions[${i}].value`, "must be a string, number, boolean, Date or null");
    return { field: e.field, value };
  });
}

/**
 * Sets fields of every matching feature at once (the layer's `calculate`): values or SQL
 * expressions. Not retried: a lost answer is reported as `unknown`.
 *
 * @example
 * ```ts
 * await calculate(layer, { status: 3 }, { where: "req_type = 'Graffiti'" });
 * await calculate(layer, [{ field: "score", sqlExpression: "visits * 2" }]);
 * ```
 */
export async function calculate(layer: LayerMetadata, expressions: Record<string, unknown> | readonly CalcExpression[], options: CalculateOptions = {}): Promise<CalculateResult> {
  const calcExpression = calcExpressions(expressions);
  for (const e of calcExpression) if (!layer.field(e.field)) throw new ValidationError(`expressions.${e.field}`, `is not a field of ${layer.name}`);
  try {
    const body = await request<{ success?: boolean; updatedFeatureCount?: number }>(`${layer.url}/calculate`, {
      kind: "write",
      httpMethod: "POST",
      params: { where: options.where ?? "1=1", calcExpression: JSON.stringify(calcExpression), ...(options.sqlFormat ? { sqlFormat: options.sqlFormat } : {}) },
      ...(options.session ? { session: options.session } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeout ? { timeout: options.timeout } : {}),
    });
    const success = body.success !== false;
    return {
      status: success ? "applied" : "failed",
      success,
      updatedFeatureCount: typeof body.updatedFeatureCount === "number" ? body.updatedFeatureCount : undefined,
      error: success ? undefined : { code: undefined, description: "The server reported the calculation as not successful." },
    };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const outcome = classifyFailure(error);
    return { status: outcome.kind === "lost" ? "unknown" : "not-applied", success: false, updatedFeatureCount: undefined, error: outcome.error };
  }
}
