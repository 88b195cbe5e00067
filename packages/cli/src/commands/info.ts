import { ArcServer, Service } from "@arcrest/core";
import type { MapServiceLayer } from "@arcrest/query";
import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { openLayer, urlKind } from "./open.js";
import type { Runner } from "./run.js";

/** `arcrest info URL`: a layer's fields, count, extent and capabilities; a service's layers; a directory's services. */
export function registerInfo(program: Command, run: Runner): void {
  program
    .command("info")
    .description("summarise a layer (fields, count, extent, capabilities), a service or a services directory")
    .argument("<url>", "a layer, service or services directory URL")
    .option("--json", "print the summary as JSON")
    .addHelpText("after", "\nExample:\n  $ arcrest info http://127.0.0.1:8080/arcgis/rest/services/ahps_gauges/MapServer/0")
    .action((url: string, flags: { json?: boolean }) =>
      run(async (ctx) => {
        const summary = await summarise(ctx, url);
        ctx.stdout.write(flags.json ? `${JSON.stringify(summary, null, 2)}\n` : `${render(summary)}\n`);
      }),
    );
}

type Summary = Record<string, unknown>;

async function summarise(ctx: CommandContext, url: string): Promise<Summary> {
  const kind = urlKind(url);
  if (kind === "layer") return layerSummary(await openLayer(ctx, url), ctx.signal);
  const options = await ctx.connectOptions(url);
  if (kind === "service") {
    const service = await Service.connect(url, options);
    return {
      kind: "service",
      url: service.url,
      name: service.name,
      type: service.type,
      description: service.info.serviceDescription ?? service.info.description,
      capabilities: service.info.capabilities,
      spatialReference: service.info.spatialReference,
      layers: service.layers.map((l) => `${l.id} ${l.name}`),
      tables: service.tables.map((t) => `${t.id} ${t.name}`),
    };
  }
  const ags = await ArcServer.connect(url, options);
  return {
    kind: "directory",
    url: ags.url,
    currentVersion: ags.currentVersion,
    folders: ags.folders,
    services: ags.services.map((s) => `${s.name}.${s.type}`),
  };
}

async function layerSummary(layer: MapServiceLayer, signal: AbortSignal): Promise<Summary> {
  return {
    kind: layer.isTable ? "table" : "layer",
    url: layer.url,
    name: layer.name,
    geometryType: layer.geometryType,
    spatialReference: layer.spatialReference,
    count: await layer.count({ signal }),
    extent: layer.info.extent,
    capabilities: [...layer.capabilities],
    maxRecordCount: layer.maxRecordCount,
    supportsPagination: layer.supportsPagination,
    fields: layer.fields.map((f) => ({ name: f.name, type: f.type, alias: f.alias })),
  };
}

function render(summary: Summary): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(summary)) {
    if (value === undefined || key === "fields") continue;
    if (Array.isArray(value)) lines.push(`${key}: ${value.join(", ")}`);
    else if (typeof value === "object" && value !== null) lines.push(`${key}: ${JSON.stringify(value)}`);
    else lines.push(`${key}: ${String(value)}`);
  }
  const fields = summary.fields as { name: string; type: string; alias?: string }[] | undefined;
  if (fields) {
    lines.push("fields:");
    for (const f of fields) lines.push(`  ${f.name}  ${f.type.replace(/^esriFieldType/, "")}${f.alias && f.alias !== f.name ? `  (${f.alias})` : ""}`);
  }
  return lines.join("\n");
}
