import type { LayerMetadata } from "@arcrest/core";
import type { PagingCapabilities } from "./planner.js";

/**
 * What a layer's JSON says about paging. `orderByFields` is taken as supported
 * when advertised in `advancedQueryCapabilities`, or on older servers that
 * advertise `supportsAdvancedQueries` (10.1+, before the capabilities object).
 */
export function pagingCapabilitiesOf(layer: LayerMetadata): PagingCapabilities {
  const oidField = layer.objectIdField;
  return {
    ...(oidField !== undefined ? { oidField } : {}),
    supportsPagination: layer.supportsPagination,
    supportsOrderBy: layer.supportsOrderBy || layer.info.supportsAdvancedQueries === true,
    maxRecordCount: layer.maxRecordCount,
  };
}
