import * as queryModule from "../query/index.js";
import type { SampleLayer, SampleService } from "../data/types.js";
import type { QueryOutcome } from "../query/index.js";

export type { QueryOutcome };

/** The query engine's entry points (src/query/index.ts). */
export interface QueryEngine {
  executeQuery(layer: SampleLayer, params: Record<string, string>): QueryOutcome;
  executeRelatedQuery(service: SampleService, layer: SampleLayer, params: Record<string, string>): QueryOutcome;
  executeAttachmentQuery(layer: SampleLayer, params: Record<string, string>): QueryOutcome;
}

/**
 * The query engine. Kept for routes written while the engine was loaded lazily; new code can
 * import `../query/index.js` directly.
 */
export function loadQueryEngine(): Promise<QueryEngine> {
  return Promise.resolve(queryModule);
}
