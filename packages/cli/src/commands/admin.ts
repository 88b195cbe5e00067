import { type AdminAuth, ArcServerAdmin, type BatchResult } from "@arcrest/admin";
import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { createProgress } from "../output/progress.js";
import { parsePositiveInteger } from "./flags.js";
import { urlKind } from "./open.js";
import type { Runner } from "./run.js";

const ADMIN_URL = "http://127.0.0.1:8080/arcgis/admin";

/** `arcrest admin services|start|stop|logs ADMIN_URL …`: ArcGIS Server administration. */
export function registerAdmin(program: Command, run: Runner): void {
  const admin = program
    .command("admin")
    .description("administer an ArcGIS Server site: list, start and stop services, read the logs")
    .addHelpText("after", `\nSign in with --username (an administrator) or --token.\n\nExample:\n  $ arcrest --username arcrest admin services ${ADMIN_URL}`);

  admin
    .command("services")
    .description("list the services with their configured state (STARTED / STOPPED)")
    .argument("<admin-url>", "the site's admin URL (…/arcgis/admin)")
    .option("--folder <name>", "only this folder (\"/\" for the root)")
    .option("--json", "print the list as JSON")
    .addHelpText("after", `\nExample:\n  $ arcrest --username arcrest admin services ${ADMIN_URL} --folder SanFrancisco`)
    .action((url: string, flags: { folder?: string; json?: boolean }) => run((ctx) => servicesCommand(ctx, url, flags)));

  for (const action of ["start", "stop"] as const) {
    admin
      .command(action)
      .description(`${action} every service of a folder, or the named ones, with a progress bar; reports each service`)
      .argument("<admin-url>", "the site's admin URL (…/arcgis/admin)")
      .argument("<folder>", "the folder (\"/\" for the root)")
      .argument("[services...]", "only these services (Name.Type, a wildcard, or a unique part of a name)")
      .option("--json", "print the per-service results as JSON")
      .addHelpText("after", `\nExit code 1 when any service failed.\n\nExample:\n  $ arcrest --username arcrest admin ${action} ${ADMIN_URL} SanFrancisco`)
      .action((url: string, folder: string, services: string[], flags: { json?: boolean }) =>
        run((ctx) => batchCommand(ctx, action, url, { folder, services, json: flags.json === true })),
      );
  }

  admin
    .command("logs")
    .description("print the site's log messages, newest first, page by page")
    .argument("<admin-url>", "the site's admin URL (…/arcgis/admin)")
    .option("--level <level>", "lowest severity: SEVERE, WARNING, INFO, FINE, VERBOSE, DEBUG", "WARNING")
    .option("--source <source...>", "only these sources (Folder/Name.Type)")
    .option("--limit <n>", "stop after this many messages")
    .option("--page-size <n>", "messages per request (default 1000)")
    .option("--json", "one JSON object per line (ndjson)")
    .addHelpText("after", `\nExample:\n  $ arcrest --username arcrest admin logs ${ADMIN_URL} --level INFO --limit 50`)
    .action((url: string, flags: LogsFlags) => run((ctx) => logsCommand(ctx, url, flags)));
}

/** Connects with the command's credentials: an admin always needs them. */
async function connect(ctx: CommandContext, url: string): Promise<ArcServerAdmin> {
  urlKind(url);
  if (!/\/admin\/?$/i.test(new URL(url).pathname)) throw new UsageError(`not an admin URL (…/arcgis/admin): ${url}`);
  const { token, username, password, proxy } = await ctx.connectOptions(url);
  let auth: AdminAuth;
  if (token !== undefined) auth = { token };
  else if (username !== undefined && password !== undefined) auth = { username, password };
  else throw new UsageError("admin commands need --username (an administrator), --token, or a token saved by `arcrest login`");
  return ArcServerAdmin.connect(url, auth, proxy === undefined ? { signal: ctx.signal } : { signal: ctx.signal, proxy });
}

async function servicesCommand(ctx: CommandContext, url: string, flags: { folder?: string; json?: boolean }): Promise<void> {
  const admin = await connect(ctx, url);
  const listed = [];
  for await (const s of admin.services({ signal: ctx.signal, ...(flags.folder !== undefined ? { folder: flags.folder } : {}) })) {
    const name = `${s.folderName === "/" ? "" : `${s.folderName}/`}${s.serviceName}.${s.type}`;
    if (flags.json) listed.push({ service: name, state: s.configuredState });
    else ctx.stdout.write(`${s.configuredState.padEnd(8)} ${name}\n`);
  }
  if (flags.json) ctx.stdout.write(`${JSON.stringify(listed)}\n`);
}

async function batchCommand(ctx: CommandContext, action: "start" | "stop", url: string, flags: { folder: string; services: string[]; json: boolean }): Promise<void> {
  const admin = await connect(ctx, url);
  const progress = createProgress({ unit: "services", stream: ctx.stderr });
  const options = {
    folder: flags.folder,
    signal: ctx.signal,
    onProgress: (p: { done: number; total?: number }) => progress.update(p.done, p.total),
    ...(flags.services.length > 0 ? { services: flags.services } : {}),
  };
  let results: BatchResult[];
  try {
    results = action === "start" ? await admin.startServices(options) : await admin.stopServices(options);
  } finally {
    progress.stop();
  }
  if (flags.json) ctx.stdout.write(`${JSON.stringify(results.map((r) => ({ service: r.service, ok: r.ok, ...(r.error ? { error: r.error.message } : {}) })))}\n`);
  else for (const r of results) ctx.stdout.write(`${r.ok ? (action === "start" ? "started" : "stopped") : "FAILED "} ${r.service}${r.error ? ` — ${r.error.message}` : ""}\n`);
  if (results.some((r) => !r.ok)) process.exitCode = EXIT.failure;
}

interface LogsFlags {
  level: string;
  source?: string[];
  limit?: string;
  pageSize?: string;
  json?: boolean;
}

async function logsCommand(ctx: CommandContext, url: string, flags: LogsFlags): Promise<void> {
  const limit = parsePositiveInteger("--limit", flags.limit);
  const pageSize = parsePositiveInteger("--page-size", flags.pageSize);
  const admin = await connect(ctx, url);
  let count = 0;
  const logs = admin.queryLogs({ level: flags.level.toUpperCase(), signal: ctx.signal, ...(flags.source ? { sources: flags.source } : {}), ...(pageSize ? { pageSize } : {}) });
  for await (const log of logs) {
    count += 1;
    if (flags.json) ctx.stdout.write(`${JSON.stringify(log)}\n`);
    else ctx.stdout.write(`${new Date(log.time).toISOString()} ${log.type.padEnd(7)} ${log.source}  ${log.message}\n`);
    if (limit !== undefined && count >= limit) break; // no further page is requested
  }
  if (!flags.json && count === 0) ctx.stderr.write("no log messages\n");
}
