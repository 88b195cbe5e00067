import { downloadAllAttachments } from "@arcrest/feature-edit/node";
import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { createProgress } from "../output/progress.js";
import { openLayer } from "./open.js";
import type { Runner } from "./run.js";

/** `arcrest attachments LAYER_URL DIR [--where]`: every attachment into `DIR/<objectId>/<id>-<name>`. */
export function registerAttachments(program: Command, run: Runner): void {
  program
    .command("attachments")
    .description("download the attachments of a layer's features into a folder (<objectId>/<id>-<name>)")
    .argument("<layer-url>", "a layer with attachments")
    .argument("<dir>", "the folder to write into (created if missing)")
    .option("-w, --where <sql>", "only the attachments of features matching this where clause")
    .option("--json", "print the list of files written as JSON")
    .addHelpText(
      "after",
      "\nExample:\n  $ arcrest attachments http://127.0.0.1:8080/arcgis/rest/services/SanFrancisco/311Incidents/FeatureServer/0 photos/",
    )
    .action((url: string, dir: string, flags: { where?: string; json?: boolean }) => run((ctx) => attachmentsCommand(ctx, url, dir, flags)));
}

async function attachmentsCommand(ctx: CommandContext, url: string, dir: string, flags: { where?: string; json?: boolean }): Promise<void> {
  const layer = await openLayer(ctx, url);
  const progress = createProgress({ unit: "files", stream: ctx.stderr });
  let files;
  try {
    files = await downloadAllAttachments(layer, dir, {
      signal: ctx.signal,
      onProgress: (p) => progress.update(p.done, p.total),
      ...(flags.where ? { where: flags.where } : {}),
    });
  } finally {
    progress.stop();
  }
  if (flags.json) ctx.stdout.write(`${JSON.stringify(files.map((f) => ({ objectId: f.attachment.parentObjectId, id: f.attachment.id, path: f.path, size: f.attachment.size })))}\n`);
  else ctx.stderr.write(`wrote ${files.length} attachments to ${dir}\n`);
}
