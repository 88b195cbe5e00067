import { driveTimePolygons, INPUT_LOCATION_SCHEMA, parseBreaks } from "./drive-times.js";
import type { InputFeatureSet } from "./parse-inputs.js";
import { GPInputError, type GPDataType, type GPJobStatus, type GPMessage, type GPParameterDef, type GPStep, type GPTaskDef } from "./types.js";

/** Name of the sample GP service (`/arcgis/rest/services/Tools/GPServer`). */
export const GP_SERVICE_NAME = "Tools";

const info = (description: string): GPMessage => ({ type: "esriJobMessageTypeInformative", description });
const warning = (description: string): GPMessage => ({ type: "esriJobMessageTypeWarning", description });
const error = (description: string): GPMessage => ({ type: "esriJobMessageTypeError", description });

function input(name: string, dataType: GPDataType, required: boolean, extra: Partial<GPParameterDef> = {}): GPParameterDef {
  return {
    name,
    dataType,
    displayName: name.replace(/_/g, " "),
    description: "",
    direction: "esriGPParameterDirectionInput",
    parameterType: required ? "esriGPParameterTypeRequired" : "esriGPParameterTypeOptional",
    ...extra,
  };
}

function output(name: string, dataType: GPDataType, extra: Partial<GPParameterDef> = {}): GPParameterDef {
  return { ...input(name, dataType, false, extra), direction: "esriGPParameterDirectionOutput", parameterType: "esriGPParameterTypeDerived" };
}

/** A job script from a list of steps: poll n shows step n, messages accumulate, the last step stays. */
function scripted(steps: { status: GPJobStatus; message?: GPMessage[] }[], poll: number): GPStep {
  const upTo = steps.slice(0, Math.min(poll, steps.length - 1) + 1);
  return { status: upTo[upTo.length - 1].status, messages: upTo.flatMap((s) => s.message ?? []) };
}

const driveTimeParameters = (): GPParameterDef[] => [
  input("Input_Location", "GPFeatureRecordSetLayer", true, { defaultValue: INPUT_LOCATION_SCHEMA }),
  input("Drive_Times", "GPString", false, { defaultValue: "1 2 3" }),
  output("Output_Drive_Time_Polygons", "GPFeatureRecordSetLayer"),
];

function driveTimeSteps(inputs: Record<string, unknown>, poll: number): GPStep {
  const breaks = parseBreaks(inputs.Drive_Times);
  const points = (inputs.Input_Location as InputFeatureSet).features.length;
  return scripted(
    [
      { status: "esriJobSubmitted", message: [info("Submitted.")] },
      { status: "esriJobExecuting", message: [info("Executing...")] },
      { status: "esriJobExecuting", message: [info(`Solving service areas for ${points} location(s).`)] },
      { status: "esriJobExecuting", message: [info(`Creating polygons for breaks ${breaks.join(", ")}.`)] },
      { status: "esriJobSucceeded", message: [info("Succeeded.")] },
    ],
    poll,
  );
}

const driveTimes = (name: string, executionType: GPTaskDef["executionType"]): GPTaskDef => ({
  name,
  displayName: name,
  description: "Drive-time polygons around input points, one per break in minutes (the seed's ESRI_DriveTime_US task).",
  executionType,
  parameters: driveTimeParameters(),
  run: (inputs, env) => ({ Output_Drive_Time_Polygons: driveTimePolygons(inputs.Input_Location as InputFeatureSet, inputs.Drive_Times, env) }),
  step: (poll, inputs) => driveTimeSteps(inputs, poll),
});

const describeInputs: GPTaskDef = {
  name: "DescribeInputs",
  displayName: "Describe Inputs",
  description: "Echoes the parsed value of each input as a GPString and writes the same text to a file (GPDataFile).",
  executionType: "esriExecutionTypeSynchronous",
  parameters: [
    input("Text", "GPString", true),
    input("Count", "GPLong", false, { defaultValue: 1 }),
    input("Factor", "GPDouble", false),
    input("Flag", "GPBoolean", false, { defaultValue: false }),
    input("When", "GPDate", false),
    input("Distance", "GPLinearUnit", false, { defaultValue: { distance: 1, units: "esriMiles" } }),
    input("Names", "GPMultiValue:GPString", false),
    input("Table", "GPRecordSet", false),
    input("Attachment", "GPDataFile", false),
    input("Color", "GPString", false, { defaultValue: "red", choiceList: ["red", "green", "blue"] }),
    output("Summary", "GPString"),
    output("Report_File", "GPDataFile"),
  ],
  run: (inputs, env) => {
    const summary = JSON.stringify(inputs);
    const url = env.saveFile("DescribeInputs", "txt", new TextEncoder().encode(summary), "text/plain; charset=utf-8");
    return { Summary: summary, Report_File: { url } };
  },
  step: (poll) => scripted([{ status: "esriJobSucceeded" }], poll),
};

const alwaysFails: GPTaskDef = {
  name: "AlwaysFails",
  displayName: "Always Fails",
  description: "Runs for two polls, then fails with warning and error messages.",
  executionType: "esriExecutionTypeAsynchronous",
  parameters: [input("Reason", "GPString", false, { defaultValue: "The input has no features." }), output("Nothing", "GPString")],
  run: () => ({ Nothing: "" }),
  step: (poll, inputs) =>
    scripted(
      [
        { status: "esriJobSubmitted", message: [info("Submitted.")] },
        { status: "esriJobExecuting", message: [info("Executing...")] },
        { status: "esriJobExecuting", message: [warning("WARNING 000117: Warning empty output generated.")] },
        {
          status: "esriJobFailed",
          message: [error(`ERROR 999999: ${String(inputs.Reason)}`), error("Failed to execute (AlwaysFails).")],
        },
      ],
      poll,
    ),
};

const slowCount: GPTaskDef = {
  name: "SlowCount",
  displayName: "Slow Count",
  description: "Counts for 1,000 polls (one message each): long enough to cancel or time out.",
  executionType: "esriExecutionTypeAsynchronous",
  parameters: [output("Total", "GPLong")],
  run: () => ({ Total: 1000 }),
  step: (poll) => {
    const shown = Math.min(poll, 1001);
    const messages = [info("Submitted."), ...Array.from({ length: Math.max(0, Math.min(shown, 1000)) }, (_, i) => info(`Counted ${i + 1}.`))];
    return { status: shown === 0 ? "esriJobSubmitted" : shown > 1000 ? "esriJobSucceeded" : "esriJobExecuting", messages };
  },
};

const STATUSES: readonly GPJobStatus[] = [
  "esriJobNew",
  "esriJobSubmitted",
  "esriJobWaiting",
  "esriJobExecuting",
  "esriJobCancelling",
  "esriJobCancelled",
  "esriJobFailed",
  "esriJobTimedOut",
  "esriJobSucceeded",
];

function statusList(text: unknown): GPJobStatus[] {
  const list = String(text).trim().split(/\s+/).filter(Boolean);
  for (const s of list) if (!STATUSES.includes(s as GPJobStatus)) throw new GPInputError("Statuses", `${s} is not an esriJob* status`);
  if (list.length === 0) throw new GPInputError("Statuses", "give at least one status");
  return list as GPJobStatus[];
}

const statusSequence: GPTaskDef = {
  name: "StatusSequence",
  displayName: "Status Sequence",
  description: "Reports the given esriJob* statuses, one per poll (a status test bench); succeeds with the count of statuses.",
  executionType: "esriExecutionTypeAsynchronous",
  parameters: [input("Statuses", "GPString", true), output("Count", "GPLong")],
  run: (inputs) => ({ Count: statusList(inputs.Statuses).length }),
  step: (poll, inputs) =>
    scripted(
      [
        { status: "esriJobSubmitted", message: [info("Submitted.")] },
        ...statusList(inputs.Statuses).map((status) => ({
          status,
          message: [(status === "esriJobFailed" || status === "esriJobTimedOut" ? error : info)(`Status ${status}.`)],
        })),
      ],
      poll,
    ),
};

/** The tasks of the sample GP service, in the order the service lists them. */
export const GP_TASKS: readonly GPTaskDef[] = [
  driveTimes("CreateDriveTimePolygons", "esriExecutionTypeSynchronous"),
  driveTimes("CreateDriveTimePolygonsAsync", "esriExecutionTypeAsynchronous"),
  describeInputs,
  alwaysFails,
  slowCount,
  statusSequence,
];

/** A task by name (case-insensitive, like ArcGIS Server). */
export function findTask(name: string): GPTaskDef | undefined {
  return GP_TASKS.find((task) => task.name.toLowerCase() === name.toLowerCase());
}

/** Whether a status is final. */
export function isTerminal(status: GPJobStatus): boolean {
  return status === "esriJobSucceeded" || status === "esriJobFailed" || status === "esriJobCancelled" || status === "esriJobTimedOut";
}
