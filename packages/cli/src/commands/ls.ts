import { ArcServer } from "@arcrest/core";
import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import type { Runner } from "./run.js";

interface LsFlags {
  recursive?: boolean;
  json?: boolean;
}

/** `arcrest ls URL [--recursive]`: the folders and services of a services directory. */
export function registerLs(program: Command, run: Runner): void {
  program
    .command("ls")
    .description("list the folders and services of a services directory")
    .argument("<url>", "a services directory, e.g. https://host/arcgis/rest/services")
    .option("-r, --recursive", "walk every folder, depth first")
    .option("--json", "print one JSON object per folder")
    .addHelpText("after", "\nExample:\n  $ arcrest ls https://sampleserver6.arcgisonline.com/arcgis/rest/services --recursive")
    .action((url: string, flags: LsFlags) =>
      run(async (ctx) => {
        const ags = await ArcServer.connect(url, await ctx.connectOptions(url));
        const walk = ags.walk({
          signal: ctx.signal,
          onWarning: ({ folder }) => ctx.stderr.write(`skipped ${folder}/ (needs a token: use --token or --username)\n`),
        });
        for await (const entry of walk) {
          if (flags.json) ctx.stdout.write(`${JSON.stringify({ folder: entry.root, folders: entry.folders, services: entry.services })}\n`);
          else printFolder(ctx, entry.root, entry.folders, entry.services, flags.recursive === true);
          if (!flags.recursive) break;
        }
      }),
    );
}

function printFolder(
  ctx: CommandContext,
  root: string,
  folders: string[],
  services: { name: string; type: string }[],
  recursive: boolean,
): void {
  if (recursive) ctx.stdout.write(`${root || "/"}\n`);
  const indent = recursive ? "  " : "";
  if (!recursive) for (const folder of folders) ctx.stdout.write(`${folder}/\n`);
  for (const service of services) ctx.stdout.write(`${indent}${service.name}.${service.type}\n`);
}
