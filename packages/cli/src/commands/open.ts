import { generateToken, type Session } from "@arcrest/core";
import { parseServiceUrl } from "@arcrest/core/internal";
import { MapServiceLayer } from "@arcrest/query";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";

/** What a URL names: a layer or table, a service, or a services directory. */
export type UrlKind = "layer" | "service" | "directory";

/** Tells a layer URL (`…/MapServer/3`) from a service URL and a directory, by its path. */
export function urlKind(url: string): UrlKind {
  let path: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("scheme");
    path = parsed.pathname.replace(/\/+$/, "");
  } catch {
    throw new UsageError(`not an http(s) URL: ${url}`);
  }
  if (/\/(MapServer|FeatureServer)\/\d+$/i.test(path)) return "layer";
  if (parseServiceUrl(url)) return "service";
  return "directory";
}

/** Connects to a layer URL, with the command's credentials; anything else is a usage error. */
export async function openLayer(ctx: CommandContext, url: string): Promise<MapServiceLayer> {
  if (urlKind(url) !== "layer") throw new UsageError(`not a layer URL (…/MapServer/<id> or …/FeatureServer/<id>): ${url}`);
  return MapServiceLayer.connect(url, await ctx.connectOptions(url));
}

/**
 * Call options for services whose facades take a session rather than connect options (locators,
 * GP tasks): the command's credentials are applied to its session for the server of `url` only.
 */
export async function callOptionsFor(ctx: CommandContext, url: string): Promise<{ session: Session; signal: AbortSignal }> {
  const { token, username, password, proxy } = await ctx.connectOptions(url);
  const session = proxy ? ctx.session.withProxy(proxy) : ctx.session;
  if (token !== undefined) session.authenticate(url, { token });
  if (username !== undefined && password !== undefined) await generateToken(url, username, password, { session, signal: ctx.signal });
  return { session, signal: ctx.signal };
}
