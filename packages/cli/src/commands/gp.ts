import { readFile } from "node:fs/promises";
import { GPTask, type GPInputs, type GPParameter, type GPProgress, type GPRunResult } from "@arcrest/gp";
import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { parsePositiveInteger } from "./flags.js";
import { callOptionsFor, urlKind } from "./open.js";
import type { Runner } from "./run.js";

interface GpFlags {
  param: string[];
  poll?: string;
  timeout?: string;
  json?: boolean;
}

/** `arcrest gp TASK_URL --param name=value …`: runs a task (a job for an asynchronous one), Ctrl-C cancels it. */
export function registerGp(program: Command, run: Runner): void {
  program
    .command("gp")
    .description("run a geoprocessing task with its inputs; an asynchronous task's job status is shown as it runs")
    .argument("<task-url>", "a task (…/GPServer/<TaskName>)")
    .option("-p, --param <name=value>", "an input (repeat for each); value as text, JSON, or @file.json", collect, [])
    .option("--poll <ms>", "first delay between job status reads in milliseconds (default 1000)")
    .option("--job-timeout <ms>", "cancel the job and fail after this many milliseconds")
    .option("--json", "print the outputs as JSON")
    .addHelpText(
      "after",
      [
        "",
        "Values are converted by each parameter's type: numbers for GPLong/GPDouble, true/false for GPBoolean,",
        "ISO dates for GPDate, JSON (or @file.json) for feature sets, record sets, linear units and files.",
        "Ctrl-C cancels a running job on the server (one cancel request) and exits 130.",
        "",
        "Example:",
        "  $ arcrest gp http://127.0.0.1:8080/arcgis/rest/services/Tools/GPServer/CreateDriveTimePolygons \\",
        "      --param 'Input_Location={\"x\":-117.19,\"y\":34.05,\"spatialReference\":{\"wkid\":4326}}' --param 'Drive_Times=1 2 3'",
      ].join("\n"),
    )
    .action((url: string, flags: GpFlags & { jobTimeout?: string }) => run((ctx) => gpCommand(ctx, url, { ...flags, timeout: flags.jobTimeout })));
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function gpCommand(ctx: CommandContext, url: string, flags: GpFlags): Promise<void> {
  urlKind(url);
  if (!/\/GPServer\/[^/]+\/?$/i.test(new URL(url).pathname)) throw new UsageError(`not a task URL (…/GPServer/<TaskName>): ${url}`);
  const pollInterval = parsePositiveInteger("--poll", flags.poll);
  const timeout = parsePositiveInteger("--job-timeout", flags.timeout);
  const call = await callOptionsFor(ctx, url);
  const task = await GPTask.connect(url, call);
  const inputs = await parseInputs(flags.param, task.parameters);
  const result = await task.run(inputs, {
    ...call,
    onProgress: (p) => reportProgress(ctx, p),
    ...(pollInterval ? { pollInterval } : {}),
    ...(timeout ? { timeout } : {}),
  });
  printResult(ctx, result, flags.json === true);
}

/** `name=value` pairs → inputs typed by the task's parameters (unknown names are a usage error). */
async function parseInputs(pairs: string[], parameters: GPParameter[]): Promise<GPInputs> {
  const inputs: GPInputs = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new UsageError(`--param needs name=value, got ${pair}`);
    const name = pair.slice(0, at);
    const param = parameters.find((p) => p.name.toLowerCase() === name.toLowerCase() && p.direction === "esriGPParameterDirectionInput");
    if (!param) {
      const names = parameters.filter((p) => p.direction === "esriGPParameterDirectionInput").map((p) => p.name);
      throw new UsageError(`the task has no input named ${name}; its inputs are ${names.join(", ") || "none"}`);
    }
    inputs[param.name] = await typedValue(param, pair.slice(at + 1));
  }
  return inputs;
}

async function typedValue(param: GPParameter, text: string): Promise<GPInputs[string]> {
  const flag = `--param ${param.name}`;
  switch (param.dataType) {
    case "GPString":
      return text;
    case "GPLong":
    case "GPDouble": {
      const n = Number(text);
      if (text.trim() === "" || !Number.isFinite(n)) throw new UsageError(`${flag} must be a number, got ${text}`);
      return n;
    }
    case "GPBoolean":
      if (!/^(true|false)$/i.test(text)) throw new UsageError(`${flag} must be true or false, got ${text}`);
      return text.toLowerCase() === "true";
    case "GPDate": {
      const date = /^\d+$/.test(text) ? new Date(Number(text)) : new Date(text);
      if (Number.isNaN(date.getTime())) throw new UsageError(`${flag} must be a date (ISO 8601 or epoch ms), got ${text}`);
      return date;
    }
    default:
      return jsonValue(flag, text);
  }
}

async function jsonValue(flag: string, text: string): Promise<GPInputs[string]> {
  let source = text;
  if (text.startsWith("@")) {
    try {
      source = await readFile(text.slice(1), "utf8");
    } catch (error) {
      throw new UsageError(`${flag}: cannot read ${text.slice(1)}: ${(error as Error).message}`);
    }
  }
  try {
    return JSON.parse(source) as GPInputs[string];
  } catch {
    return source; // text such as "1 2 3" or a URL; the task's own type check names what it needs
  }
}

function reportProgress(ctx: CommandContext, p: GPProgress): void {
  const status = p.status.replace(/^esriJob/, "");
  ctx.stderr.write(`${p.jobId ? `job ${p.jobId}: ` : ""}${status}\n`);
  for (const m of p.messages) ctx.stderr.write(`  ${m.type.replace(/^esriJobMessageType/, "").toLowerCase()}: ${m.description}\n`);
}

function printResult(ctx: CommandContext, result: GPRunResult, json: boolean): void {
  if (json) {
    const outputs = Object.fromEntries(result.results.map((r) => [r.paramName, r.value]));
    ctx.stdout.write(`${JSON.stringify({ jobId: result.jobId ?? null, outputs })}\n`);
    return;
  }
  for (const r of result.results) ctx.stdout.write(`${r.paramName} (${r.dataType}): ${describeValue(r.value)}\n`);
}

function describeValue(value: unknown): string {
  if (value && typeof value === "object" && Array.isArray((value as { features?: unknown }).features)) {
    return `${(value as { features: unknown[] }).features.length} features (use --json for them)`;
  }
  return JSON.stringify(value);
}
