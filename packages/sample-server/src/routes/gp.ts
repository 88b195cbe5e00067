import { checkAccess } from "../auth/guard.js";
import type { RequestContext, Route } from "../context.js";
import { findService, isSecured } from "../data/lookup.js";
import { advance, cancelJob, createJob, currentStep, jobsOf, type GPJob } from "../gp/jobs.js";
import { parseInputs } from "../gp/parse-inputs.js";
import { findTask, GP_SERVICE_NAME, GP_TASKS } from "../gp/tasks.js";
import { GPInputError, type GPEnvironment, type GPOutputs, type GPTaskDef } from "../gp/types.js";
import { errorReply, jsonReply, type Reply } from "../http/reply.js";
import { SERVER_VERSION } from "../metadata/version.js";
import { pathAfter } from "./path-after.js";

/**
 * `/arcgis/rest/services/Tools/GPServer/...`: the sample geoprocessing service. Task info,
 * `execute` (synchronous tasks), `submitJob`, `jobs/<id>` (each read advances the job one step),
 * `jobs/<id>/cancel` and `jobs/<id>/results/<param>`. Output files go to the output directory.
 */
export const gpRoute: Route = (ctx) => {
  const rest = pathAfter(ctx, "arcgis", "rest", "services");
  const at = rest?.findIndex((segment) => segment.toLowerCase() === "gpserver") ?? -1;
  if (!rest || at < 1 || rest.slice(0, at).join("/").toLowerCase() !== GP_SERVICE_NAME.toLowerCase()) return undefined;
  const service = findService(ctx.state.dataset, rest.slice(0, at).join("/"), "GPServer");
  if (!service) return undefined;
  const refusal = checkAccess(ctx, isSecured(ctx.state.dataset, service));
  if (refusal) return refusal;
  const [taskName, operation, jobId, jobOperation, paramName, ...extra] = rest.slice(at + 1);
  if (taskName === undefined) return serviceInfo(ctx);
  const task = findTask(taskName);
  if (!task || extra.length > 0) return errorReply(400, "Unable to complete operation.", [`Invalid URL: ${ctx.path}`], ctx.params);
  try {
    if (operation === undefined) return jsonReply(taskInfo(task), ctx.params);
    if (operation === "execute" && jobId === undefined) return execute(ctx, task);
    if (operation === "submitJob" && jobId === undefined) return submit(ctx, task);
    if (operation === "jobs" && jobId !== undefined) return jobRoute(ctx, task, jobId, jobOperation, paramName);
  } catch (error) {
    if (error instanceof GPInputError) return errorReply(400, "Invalid or missing input parameters.", [error.message], ctx.params);
    throw error;
  }
  return errorReply(400, "Unable to complete operation.", [`Invalid URL: ${ctx.path}`], ctx.params);
};

function serviceInfo(ctx: RequestContext): Reply {
  return jsonReply(
    {
      currentVersion: SERVER_VERSION,
      serviceDescription: "Sample geoprocessing tools: drive-time polygons (synchronous and asynchronous), an input echo, a failing and a slow task.",
      tasks: GP_TASKS.map((task) => task.name),
      executionType: "esriExecutionTypeAsynchronous",
      resultMapServerName: "",
      maximumRecords: 1000,
      capabilities: "Uploads",
    },
    ctx.params,
  );
}

function taskInfo(task: GPTaskDef): Record<string, unknown> {
  return {
    name: task.name,
    displayName: task.displayName,
    description: task.description,
    category: "",
    helpUrl: "",
    executionType: task.executionType,
    parameters: task.parameters.map((p) => ({ category: "", ...p, ...(p.defaultValue === undefined ? { defaultValue: null } : {}) })),
  };
}

function environment(ctx: RequestContext): GPEnvironment {
  const text = ctx.params["env:outSR"];
  let outWkid: number | undefined;
  if (text !== undefined && text !== "") {
    const parsed: unknown = /^\d+$/.test(text) ? Number(text) : safeJson(text);
    const wkid = typeof parsed === "number" ? parsed : (parsed as { wkid?: unknown } | undefined)?.wkid;
    if (typeof wkid !== "number") throw new GPInputError("env:outSR", `${text} is not a spatial reference`);
    outWkid = wkid;
  }
  return {
    outWkid,
    baseUrl: ctx.state.baseUrl,
    saveFile: (prefix, extension, data, contentType) =>
      `${ctx.state.baseUrl}/arcgis/rest/directories/arcgisoutput/${ctx.state.outputs.put(prefix, extension, { data, contentType })}`,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function resultsOf(task: GPTaskDef, outputs: GPOutputs): Record<string, unknown>[] {
  return task.parameters
    .filter((p) => p.direction === "esriGPParameterDirectionOutput")
    .map((p) => ({ paramName: p.name, dataType: p.dataType, value: outputs[p.name] ?? null }));
}

function execute(ctx: RequestContext, task: GPTaskDef): Reply {
  if (task.executionType !== "esriExecutionTypeSynchronous") {
    return errorReply(400, "Unable to complete operation.", ["execute is not supported by an asynchronous task: use submitJob."], ctx.params);
  }
  const outputs = task.run(parseInputs(task.parameters, ctx.params), environment(ctx));
  const messages = ctx.params.returnMessages === "false" ? [] : [{ type: "esriJobMessageTypeInformative", description: `Executing (${task.name}).` }, { type: "esriJobMessageTypeInformative", description: "Succeeded." }];
  return jsonReply({ results: resultsOf(task, outputs), messages }, ctx.params);
}

function submit(ctx: RequestContext, task: GPTaskDef): Reply {
  if (task.executionType !== "esriExecutionTypeAsynchronous") {
    return errorReply(400, "Unable to complete operation.", ["submitJob is not supported by a synchronous task: use execute."], ctx.params);
  }
  const inputs = parseInputs(task.parameters, ctx.params);
  const job = createJob(ctx.state, task, inputs, task.run(inputs, environment(ctx)));
  return jsonReply({ jobId: job.id, jobStatus: currentStep(job).status }, ctx.params);
}

function jobJson(job: GPJob): Record<string, unknown> {
  const { status, messages } = currentStep(job);
  const results = Object.fromEntries(
    job.task.parameters.filter((p) => p.direction === "esriGPParameterDirectionOutput").map((p) => [p.name, { paramUrl: `results/${p.name}` }]),
  );
  return { jobId: job.id, jobStatus: status, ...(status === "esriJobSucceeded" ? { results } : {}), messages };
}

function jobRoute(ctx: RequestContext, task: GPTaskDef, jobId: string, operation: string | undefined, paramName: string | undefined): Reply {
  const job = jobsOf(ctx.state).get(jobId);
  if (!job || job.task !== task) return errorReply(400, "Unable to complete operation.", [`Job '${jobId}' does not exist or is inaccessible.`], ctx.params);
  if (operation === undefined) {
    advance(job);
    return jsonReply(jobJson(job), ctx.params);
  }
  if (operation === "cancel" && paramName === undefined) {
    if (!cancelJob(job)) return errorReply(400, "Invalid or missing input parameters.", [`Job '${jobId}' has already finished.`], ctx.params);
    return jsonReply({ jobId: job.id, jobStatus: currentStep(job).status }, ctx.params);
  }
  if (operation === "results" && paramName !== undefined) {
    if (currentStep(job).status !== "esriJobSucceeded") {
      return errorReply(400, "Unable to complete operation.", [`Job '${jobId}' has not succeeded.`], ctx.params);
    }
    const result = resultsOf(task, job.outputs).find((r) => String(r.paramName).toLowerCase() === paramName.toLowerCase());
    if (!result) return errorReply(400, "Unable to complete operation.", [`Parameter '${paramName}' is not an output of ${task.name}.`], ctx.params);
    return jsonReply(result, ctx.params);
  }
  return errorReply(400, "Unable to complete operation.", [`Invalid URL: ${ctx.path}`], ctx.params);
}
