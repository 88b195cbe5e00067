import type { AttributeValue, CallOptions, FeatureSet, SpatialReference } from "@arcrest/core";

/** How a task runs: `execute` answers at once, `submitJob` starts a job to follow. */
export type GPExecutionType = "esriExecutionTypeSynchronous" | "esriExecutionTypeAsynchronous";

/**
 * Data type names of GP parameters (`GPMultiValue:<type>` for lists). Other names a server
 * may use (GPField, GPValueTable, ...) are passed through as they are.
 */
export type GPDataType =
  | "GPString"
  | "GPLong"
  | "GPDouble"
  | "GPBoolean"
  | "GPDate"
  | "GPLinearUnit"
  | "GPArealUnit"
  | "GPDataFile"
  | "GPRasterData"
  | "GPRasterDataLayer"
  | "GPRecordSet"
  | "GPFeatureRecordSetLayer"
  | `GPMultiValue:${string}`
  | (string & {});

/** A task parameter as the task resource describes it. */
export interface GPParameter {
  /** The name inputs and results use. */
  name: string;
  /** What values it takes (see {@link GPDataType}). */
  dataType: GPDataType;
  /** `esriGPParameterDirectionInput` or `esriGPParameterDirectionOutput`. */
  direction: "esriGPParameterDirectionInput" | "esriGPParameterDirectionOutput" | (string & {});
  /** `esriGPParameterTypeRequired`, `...Optional` or `...Derived`. */
  parameterType: "esriGPParameterTypeRequired" | "esriGPParameterTypeOptional" | "esriGPParameterTypeDerived" | (string & {});
  /** The server's default (null when none). */
  defaultValue: unknown;
  /** The allowed values, when the task restricts them. */
  choiceList?: string[];
  /** The label a user interface shows. */
  displayName?: string;
  /** What the parameter is for. */
  description?: string;
  /** The group the parameter belongs to in a user interface. */
  category?: string;
}

/** A task resource (`.../GPServer/<TaskName>?f=json`). */
export interface GPTaskInfo {
  /** The task's name (the last segment of its URL). */
  name: string;
  /** The label a user interface shows. */
  displayName?: string;
  /** What the task does. */
  description?: string;
  /** The task's category. */
  category?: string;
  /** A page documenting the task. */
  helpUrl?: string;
  /** Whether `execute` or `submitJob` runs it. */
  executionType: GPExecutionType;
  /** Inputs and outputs, in the task's order. */
  parameters: GPParameter[];
}

/** Every status a GP job reports. */
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

/** A message of a job or an execute result. */
export interface GPMessage {
  /** `esriJobMessageTypeInformative`, `...Warning`, `...Error` (and others some servers send). */
  type: string;
  /** The message text. */
  description: string;
}

/** A job as `jobs/<id>` describes it. */
export interface GPJobInfo {
  /** The server's id of the job. */
  jobId: string;
  /** The status as the server wrote it (an `esriJob*` value; anything else is treated as a failure). */
  status: GPJobStatus | (string & {});
  /** Every message so far. */
  messages: GPMessage[];
  /** Relative URLs of the results by output name (`results/<name>`), once succeeded. */
  results?: Record<string, { paramUrl: string }>;
}

/** A downloadable output (GPDataFile, GPRasterDataLayer, or a result map image). */
export interface GPFileValue {
  url: string;
  /** Raster format when the server names it. */
  format?: string;
}

/** A linear unit value (`GPLinearUnit`). */
export interface GPLinearUnitValue {
  /** The distance, in `units`. */
  distance: number;
  /** An `esri*` unit name such as `esriMiles` or `esriMeters`. */
  units: string;
}

/** A record of a GPRecordSet result. */
export type GPRow = Record<string, AttributeValue>;

/**
 * A result value, typed by its data type: GPFeatureRecordSetLayer → a core `FeatureSet`,
 * GPRecordSet → rows, GPDataFile / GPRasterDataLayer → `{ url }`, GPDate → `Date`,
 * GPLinearUnit → `{ distance, units }`, GPMultiValue → an array, others as sent.
 */
export type GPValue =
  | FeatureSet
  | GPRow[]
  | GPFileValue
  | GPLinearUnitValue
  | Date
  | string
  | number
  | boolean
  | null
  | GPValue[]
  | { [key: string]: unknown };

/** One output of a run or job. */
export interface GPResult {
  /** The output parameter's name. */
  paramName: string;
  /** Its data type, which decides the type of `value`. */
  dataType: GPDataType;
  /** The value, typed by `dataType` (see {@link GPValue}). */
  value: GPValue;
}

/**
 * What inputs may be given, by data type: strings, numbers, booleans, `Date`s,
 * `{ distance, units }`, `{ url }` / `{ itemID }`, arrays for multivalues, and for feature
 * record sets a core `Geometry`, Esri JSON geometry / feature / feature set or GeoJSON.
 */
export type GPInputValue = unknown;

/** Inputs by parameter name. */
export type GPInputs = Record<string, GPInputValue>;

/** Environment settings of execute and submitJob. */
export interface GPEnvironmentOptions {
  /** Spatial reference of output geometries (`env:outSR`): a wkid or a spatial reference. */
  outSR?: number | SpatialReference;
  /** Spatial reference the tool processes in (`env:processSR`). */
  processSR?: number | SpatialReference;
  /** Return z values of output geometries. */
  returnZ?: boolean;
  /** Return m values of output geometries. */
  returnM?: boolean;
}

/** Progress of a job: its status and the messages that arrived since the last report. */
export interface GPProgress {
  /** The job (undefined for a synchronous task's execute, reported once when it answers). */
  jobId: string | undefined;
  status: GPJobInfo["status"];
  /** Only the new messages, in the server's order. */
  messages: GPMessage[];
}

/** How a job is followed. */
export interface GPWaitOptions extends CallOptions {
  /** Called after each status read with the new messages only. */
  onProgress?: (progress: GPProgress) => void;
  /** First delay between status reads, in ms (default 1,000); grows by half each poll up to 10 s. */
  pollInterval?: number;
  /**
   * Give up after this many milliseconds: the job is cancelled (one `cancel` request) and the
   * call rejects with a `GPTimeoutError`.
   */
  timeout?: number;
}

/** Options of `GPTask.run` and `GPTask.submit`. */
export interface GPRunOptions extends GPWaitOptions, GPEnvironmentOptions {}
