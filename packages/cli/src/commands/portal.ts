import { Portal, type PortalItem } from "@arcrest/portal";
import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { createProgress } from "../output/progress.js";
import { parsePositiveInteger } from "./flags.js";
import { urlKind } from "./open.js";
import type { Runner } from "./run.js";

interface SearchFlags {
  sort?: string;
  desc?: boolean;
  limit?: string;
  pageSize?: string;
  json?: boolean;
}

/** `arcrest portal search PORTAL_URL "q"`: items of a Portal for ArcGIS / ArcGIS Online, every page. */
export function registerPortal(program: Command, run: Runner): void {
  const portal = program
    .command("portal")
    .description("search a Portal for ArcGIS or ArcGIS Online")
    .addHelpText("after", "\nSigned in (--username, --token or a saved login), private items you may see are found too.\n\nExample:\n  $ arcrest portal search http://127.0.0.1:8080/portal 'owner:arcrest'");
  portal
    .command("search")
    .description("search the portal's items (every page, with a progress bar); signed in, private items you can see too")
    .argument("<portal-url>", "the portal (https://host/portal, https://ORG.maps.arcgis.com)")
    .argument("[query...]", 'a portal query, e.g. type:"Feature Service" owner:jsmith (default: everything visible)')
    .option("--sort <field>", "sort by this field (title, modified, …)")
    .option("--desc", "sort descending")
    .option("--limit <n>", "stop after this many items")
    .option("--page-size <n>", "items per request, 1 to 100 (default 100)")
    .option("--json", "one JSON object per item per line (ndjson)")
    .addHelpText("after", '\nExample:\n  $ arcrest portal search http://127.0.0.1:8080/portal \'type:"Feature Service"\' --sort title')
    .action((url: string, words: string[], flags: SearchFlags) => run((ctx) => searchCommand(ctx, url, words.join(" "), flags)));
}

async function searchCommand(ctx: CommandContext, url: string, q: string, flags: SearchFlags): Promise<void> {
  urlKind(url);
  const limit = parsePositiveInteger("--limit", flags.limit);
  const pageSize = parsePositiveInteger("--page-size", flags.pageSize);
  if (pageSize !== undefined && pageSize > 100) throw new UsageError(`--page-size must be at most 100, got ${pageSize}`);
  const { proxy, session, ...auth } = await ctx.connectOptions(url);
  const portal = await Portal.connect(url, { ...auth, ...(session ? { session: proxy ? session.withProxy(proxy) : session } : {}) });
  const progress = createProgress({ unit: "items", stream: ctx.stderr });
  const items: PortalItem[] = [];
  try {
    const search = portal.searchItems({
      signal: ctx.signal,
      onProgress: (p) => progress.update(p.done, limit === undefined ? p.total : Math.min(limit, p.total ?? limit)),
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(flags.sort ? { sortField: flags.sort, sortOrder: flags.desc ? "desc" : "asc" } : {}),
      ...(pageSize ? { pageSize } : {}),
    });
    for await (const item of search) {
      items.push(item);
      if (limit !== undefined && items.length >= limit) break;
    }
  } finally {
    progress.stop();
  }
  for (const item of items) {
    if (flags.json) ctx.stdout.write(`${JSON.stringify(item.info)}\n`);
    else ctx.stdout.write(`${item.id}  ${item.type.padEnd(16)} ${item.title} (${item.owner})\n`);
  }
  ctx.stderr.write(`${items.length} items\n`);
}
