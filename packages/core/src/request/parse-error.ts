import { ArcGISAuthError } from "../errors/arcgis-auth-error.js";
import { ArcGISRequestError, type ArcGISRequestErrorInit } from "../errors/arcgis-request-error.js";
import type { HttpMethod } from "./types.js";

/** Where a response came from, for the error it may become. */
export interface ResponseContext {
  /** Request URL without token. */
  url: string;
  /** HTTP method used. */
  method?: HttpMethod;
  /** HTTP status of the response. */
  httpStatus?: number;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toCode(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

function toStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
  if (typeof value === "string" && value !== "") return [value];
  return [];
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === "string" && v !== "");
}

const AUTH_CODES = new Set([401, 403, 498, 499]);
const AUTH_MESSAGE = /invalid token|token required|unable to generate token|invalid username or password|do not have permissions/i;

/**
 * Builds an {@link ArcGISRequestError}, or an {@link ArcGISAuthError} when its code or a message
 * means "not signed in or not allowed". @internal
 */
export function makeError(init: ArcGISRequestErrorInit): ArcGISRequestError {
  const auth = AUTH_CODES.has(init.code as number) || [init.message, ...(init.details ?? [])].some((m) => AUTH_MESSAGE.test(m));
  return auth ? new ArcGISAuthError(init) : new ArcGISRequestError(init);
}

/** The parsed JSON text, or `undefined` when it is not JSON (JSON itself has no `undefined`). @internal */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Recognises the ArcGIS error shapes in a parsed body and turns them into a typed error:
 * `{error:{code,message,details}}`, `{success:false,error}`, a top-level `{code>=400,message}`,
 * `{status:"failed"|"failure"|"error", ...}`. Returns `undefined` when the body is not an error.
 */
export function errorFromBody(body: unknown, context: ResponseContext): ArcGISRequestError | undefined {
  if (!isObject(body)) return undefined;
  let source: Json | undefined;
  if (isObject(body.error)) source = body.error;
  else if (body.success === false) source = typeof body.error === "string" ? { message: body.error } : body;
  else if (typeof body.error === "string" && body.error !== "" && Object.keys(body).length <= 4) {
    source = { message: firstString(body.error_description, body.message, body.error), code: body.code };
  } else if ((toCode(body.code) ?? 0) >= 400 && (typeof body.message === "string" || "messages" in body || "status" in body)) source = body;
  else if (typeof body.status === "string" && ["failed", "failure", "error"].includes(body.status.toLowerCase())) {
    // `{status:"failed", statusMessage:"{\"code\":400,...}"}`: the message may itself be a JSON error.
    const inner = typeof body.statusMessage === "string" ? parseJson(body.statusMessage) : undefined;
    source = { ...body, ...(isObject(inner) ? inner : {}) };
  }
  if (source === undefined) return undefined;
  const details = [...toStrings(source.details), ...toStrings(source.messages)];
  const code = toCode(source.code) ?? context.httpStatus;
  const base = firstString(source.message, source.error_description, source.statusMessage, details[0]) ?? `ArcGIS error${code !== undefined ? ` ${code}` : ""}`;
  // ArcGIS often says what was wrong only in `details` ("Unable to complete operation." + "'where' parameter is invalid").
  const extra = details.filter((d) => d !== base && d.trim() !== "");
  const message = extra.length > 0 ? `${base} (${extra.join("; ")})` : base;
  return makeError({ ...context, message, code: code === 200 ? undefined : code, messageCode: firstString(source.messageCode), details, response: body });
}

/** A short message for a non-JSON answer: the HTML `<title>` or the first words of the text. @internal */
export function summarizeText(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
  const h1 = /<h1[^>]*>([^<]*)<\/h1>/i.exec(text)?.[1];
  const plain = (title ?? h1 ?? text.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
  return plain.length > 200 ? `${plain.slice(0, 200)}…` : plain;
}
