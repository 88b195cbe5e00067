import type { SampleService } from "../data/types.js";
import { SERVER_VERSION } from "../metadata/version.js";
import { GP_SERVICE_NAME } from "./tasks.js";

/** The sample GP service's directory entry (`Tools`, a GPServer in the root folder); its tasks live in gp/tasks.ts. */
export function createGPService(): SampleService {
  return { name: GP_SERVICE_NAME, type: "GPServer", layers: [], currentVersion: SERVER_VERSION };
}
