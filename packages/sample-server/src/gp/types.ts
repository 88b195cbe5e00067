/** The sample GP service's own model of tasks and jobs (independent of the client packages). */

/** GP data types this server's tasks use. */
export type GPDataType =
  | "GPString"
  | "GPLong"
  | "GPDouble"
  | "GPBoolean"
  | "GPDate"
  | "GPLinearUnit"
  | "GPDataFile"
  | "GPRecordSet"
  | "GPFeatureRecordSetLayer"
  | "GPRasterDataLayer"
  | "GPMultiValue:GPString";

/** A task parameter as the task resource describes it. */
export interface GPParameterDef {
  name: string;
  dataType: GPDataType;
  displayName: string;
  description: string;
  direction: "esriGPParameterDirectionInput" | "esriGPParameterDirectionOutput";
  parameterType: "esriGPParameterTypeRequired" | "esriGPParameterTypeOptional" | "esriGPParameterTypeDerived";
  defaultValue?: unknown;
  choiceList?: string[];
}

/** One message of a job or an execute result. */
export interface GPMessage {
  type: "esriJobMessageTypeInformative" | "esriJobMessageTypeWarning" | "esriJobMessageTypeError";
  description: string;
}

/** Every status a job can report. */
export type GPJobStatus =
  | "esriJobNew"
  | "esriJobSubmitted"
  | "esriJobWaiting"
  | "esriJobExecuting"
  | "esriJobCancelling"
  | "esriJobCancelled"
  | "esriJobFailed"
  | "esriJobTimedOut"
  | "esriJobSucceeded";

/** Where a job stands after a number of status polls. */
export interface GPStep {
  status: GPJobStatus;
  messages: GPMessage[];
}

/** What running a task produced: output values by name (already in their JSON form). */
export type GPOutputs = Record<string, unknown>;

/** Environment settings sent with execute / submitJob. */
export interface GPEnvironment {
  /** wkid of the output geometries (undefined: the input's). */
  outWkid?: number;
  /** Base URL of the server, for output file links. */
  baseUrl: string;
  /** Stores a generated file and returns its URL. */
  saveFile(prefix: string, extension: string, data: Uint8Array, contentType: string): string;
}

/** A task of the sample GP service. */
export interface GPTaskDef {
  name: string;
  displayName: string;
  description: string;
  executionType: "esriExecutionTypeSynchronous" | "esriExecutionTypeAsynchronous";
  parameters: GPParameterDef[];
  /** Runs the task on parsed inputs. Throws GPInputError for bad inputs. */
  run(inputs: Record<string, unknown>, env: GPEnvironment): GPOutputs;
  /**
   * The job's state after `poll` status requests (0: just submitted). Asynchronous tasks only.
   * Terminal statuses stay as they are once reached.
   */
  step(poll: number, inputs: Record<string, unknown>): GPStep;
}

/** A bad input value, reported as an ArcGIS error body. */
export class GPInputError extends Error {
  constructor(readonly parameter: string, problem: string) {
    super(`Parameter '${parameter}': ${problem}`);
  }
}
