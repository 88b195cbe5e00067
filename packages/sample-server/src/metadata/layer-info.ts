import type { SampleLayer, SampleService } from "../data/types.js";
import { drawingInfoJson } from "./drawing-info.js";
import { layerExtent } from "./extent.js";
import { fieldJson, indexesJson } from "./fields.js";
import { spatialReferenceJson } from "./spatial-reference.js";

/** Which flavour of layer info: a MapServer sublayer or a FeatureServer layer. */
export type LayerFlavor = "MapServer" | "FeatureServer";

/** Pagination, orderBy and advancedQueryCapabilities arrived with 10.3. */
function isModern(layer: SampleLayer): boolean {
  return layer.currentVersion >= 10.3;
}

/** Capabilities string of a layer as the given flavour advertises it. */
export function layerCapabilities(layer: SampleLayer, flavor: LayerFlavor): string {
  const caps = layer.capabilities.split(",").map((c) => c.trim()).filter(Boolean);
  if (flavor === "MapServer") {
    const mapCaps = caps.filter((c) => ["Map", "Query", "Data"].includes(c));
    return (mapCaps.includes("Map") ? mapCaps : ["Map", "Query", "Data"]).join(",");
  }
  const featureCaps = caps.filter((c) => !["Map", "Data"].includes(c));
  return (featureCaps.length > 0 ? featureCaps : ["Query"]).join(",");
}

/** Formats a layer supports for query answers. */
export function supportedQueryFormats(layer: SampleLayer): string {
  return layer.currentVersion >= 10.4 ? "JSON, geoJSON, PBF" : "JSON, AMF";
}

/** `advancedQueryCapabilities` of a 10.3+ layer. */
export function advancedQueryCapabilities(layer: SampleLayer): Record<string, boolean> {
  return {
    useStandardizedQueries: true,
    supportsStatistics: true,
    supportsHavingClause: true,
    supportsCountDistinct: true,
    supportsOrderBy: layer.supportsOrderBy ?? true,
    supportsDistinct: true,
    supportsPagination: layer.supportsPagination,
    supportsTrueCurve: true,
    supportsReturningQueryExtent: true,
    supportsQueryWithDistance: true,
    supportsSqlExpression: true,
    supportsQueryRelatedPagination: layer.currentVersion >= 10.6,
    supportsQueryWithResultType: layer.currentVersion >= 10.6,
    supportsReturningGeometryCentroid: false,
    ...(layer.currentVersion >= 10.7 && layer.hasAttachments ? { supportsQueryAttachments: true } : {}),
  };
}

function relationshipsJson(layer: SampleLayer): Record<string, unknown>[] {
  return (layer.relationships ?? []).map((r) => ({
    id: r.id,
    name: r.name,
    relatedTableId: r.relatedTableId,
    cardinality: r.cardinality,
    role: r.role,
    keyField: r.keyField,
    composite: r.composite,
  }));
}

function drawingTool(layer: SampleLayer): string {
  switch (layer.geometryType) {
    case "esriGeometryPoint":
    case "esriGeometryMultipoint":
      return "esriFeatureEditToolPoint";
    case "esriGeometryPolyline":
      return "esriFeatureEditToolLine";
    case "esriGeometryPolygon":
      return "esriFeatureEditToolPolygon";
    default:
      return "esriFeatureEditToolNone";
  }
}

/** Feature types (one per coded value of the typeIdField) and top-level templates, FeatureServer style. */
function typesAndTemplates(layer: SampleLayer): { types: unknown[]; templates: unknown[] } {
  const editable = layer.fields.filter(
    (f) => f.type !== "esriFieldTypeOID" && f.type !== "esriFieldTypeGlobalID" && f.type !== "esriFieldTypeGeometry",
  );
  const prototype = (typeValue?: string | number): Record<string, unknown> => ({
    attributes: Object.fromEntries(editable.map((f) => [f.name, f.name === layer.typeIdField ? (typeValue ?? null) : null])),
  });
  const typeField = layer.typeIdField ? layer.fields.find((f) => f.name === layer.typeIdField) : undefined;
  const domain = typeField?.domain;
  if (domain && domain.type === "codedValue") {
    const domainNames = Object.fromEntries(
      layer.fields.filter((f) => f.domain && f.name !== layer.typeIdField).map((f) => [f.name, { type: "inherited" }]),
    );
    const types = domain.codedValues.map((cv) => ({
      id: cv.code,
      name: cv.name,
      domains: domainNames,
      templates: [{ name: cv.name, description: "", prototype: prototype(cv.code), drawingTool: drawingTool(layer) }],
    }));
    return { types, templates: [] };
  }
  return { types: [], templates: [{ name: layer.name, description: "", prototype: prototype(), drawingTool: drawingTool(layer) }] };
}

/** The layer's fields as layer info lists them: a geometry field "Shape" follows the object id on layers. */
function fieldsJson(layer: SampleLayer): Record<string, unknown>[] {
  const fields = layer.fields.map((f) => fieldJson(f, layer));
  if (layer.geometryType && !layer.fields.some((f) => f.type === "esriFieldTypeGeometry")) {
    const shape = { name: "Shape", type: "esriFieldTypeGeometry", alias: "Shape", nullable: true, editable: true, domain: null, defaultValue: null };
    const oidIndex = layer.fields.findIndex((f) => f.name === layer.objectIdField);
    fields.splice(oidIndex + 1, 0, { ...shape, sqlType: "sqlTypeOther" });
  }
  return fields;
}

/** Layer info's `timeInfo`: the time fields and the extent of their values. */
function timeInfoJson(layer: SampleLayer): Record<string, unknown> {
  const info = layer.timeInfo as NonNullable<SampleLayer["timeInfo"]>;
  let min = Infinity;
  let max = -Infinity;
  for (const feature of layer.features) {
    const value = feature.attributes[info.startTimeField];
    if (typeof value === "number") {
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  return {
    startTimeField: info.startTimeField,
    endTimeField: info.endTimeField ?? null,
    trackIdField: null,
    timeExtent: Number.isFinite(min) ? [min, max] : null,
    timeReference: null,
    timeInterval: 0,
    timeIntervalUnits: "esriTimeUnitsUnknown",
  };
}

/** Members shared by both flavours. */
function commonInfo(layer: SampleLayer): Record<string, unknown> {
  const isLayer = layer.type === "Feature Layer" && layer.geometryType !== undefined;
  return {
    currentVersion: layer.currentVersion,
    id: layer.id,
    name: layer.name,
    type: layer.type,
    description: layer.description ?? "",
    copyrightText: layer.copyrightText ?? "",
    defaultVisibility: true,
    minScale: 0,
    maxScale: 0,
    ...(isLayer && layer.geometryType
      ? { geometryType: layer.geometryType, extent: layerExtent(layer), drawingInfo: drawingInfoJson(layer.geometryType) }
      : {}),
    hasZ: layer.hasZ ?? false,
    hasM: layer.hasM ?? false,
    hasAttachments: layer.hasAttachments ?? false,
    ...(layer.timeInfo ? { timeInfo: timeInfoJson(layer) } : {}),
    htmlPopupType: "esriServerHTMLPopupTypeNone",
    displayField: layer.displayField,
    objectIdField: layer.objectIdField,
    globalIdField: layer.globalIdField ?? "",
    fields: fieldsJson(layer),
    relationships: relationshipsJson(layer),
    maxRecordCount: layer.maxRecordCount,
    supportsStatistics: true,
    supportsAdvancedQueries: true,
    supportedQueryFormats: supportedQueryFormats(layer),
    useStandardizedQueries: true,
  };
}

/** Members of 10.3+ layers: pagination, record count limits and advanced query capabilities. */
function modernInfo(layer: SampleLayer): Record<string, unknown> {
  if (!isModern(layer)) return {};
  return {
    isDataVersioned: false,
    supportsCoordinatesQuantization: true,
    supportsDatumTransformation: true,
    standardMaxRecordCount: Math.max(layer.maxRecordCount, 4000),
    tileMaxRecordCount: 8000,
    maxRecordCountFactor: 1,
    advancedQueryCapabilities: advancedQueryCapabilities(layer),
    indexes: indexesJson(layer),
    dateFieldsTimeReference: { timeZone: "UTC", respectsDaylightSaving: false },
  };
}

/** Layer/table info (`<service>/<id>?f=json`) of a MapServer sublayer. */
export function mapLayerInfoJson(layer: SampleLayer): Record<string, unknown> {
  const isLayer = layer.geometryType !== undefined;
  const modern = isModern(layer);
  const shape = layer.fields.find((f) => f.type === "esriFieldTypeGeometry");
  return {
    ...commonInfo(layer),
    ...(isLayer && modern ? { sourceSpatialReference: spatialReferenceJson(layer.wkid) } : {}),
    definitionExpression: "",
    parentLayer: null,
    subLayers: [],
    typeIdField: null,
    ...(modern ? { subtypeFieldName: null, subtypeField: null, defaultSubtypeCode: null, subtypes: [] } : {}),
    ...(isLayer && modern
      ? { geometryField: { name: shape?.name ?? "Shape", type: "esriFieldTypeGeometry", alias: shape?.alias ?? "Shape" } }
      : {}),
    canModifyLayer: false,
    canScaleSymbols: false,
    hasLabels: false,
    capabilities: layerCapabilities(layer, "MapServer"),
    ownershipBasedAccessControlForFeatures: { allowOthersToQuery: true },
    ...modernInfo(layer),
  };
}

/** Layer/table info (`<service>/<id>?f=json`) of a FeatureServer layer. */
export function featureLayerInfoJson(layer: SampleLayer): Record<string, unknown> {
  const capabilities = layerCapabilities(layer, "FeatureServer");
  return {
    ...commonInfo(layer),
    parentLayerId: -1,
    serviceItemId: "",
    editFieldsInfo: null,
    ownershipBasedAccessControlForFeatures: null,
    syncCanReturnChanges: capabilities.includes("Sync"),
    archivingInfo: { supportsQueryWithHistoricMoment: false, startArchivingMoment: -1 },
    editingInfo: { lastEditDate: layer.lastEditDate ?? 0 },
    supportsRollbackOnFailureParameter: true,
    supportsValidateSQL: true,
    supportsValidateSql: true,
    supportsCalculate: true,
    supportsAttachmentsByUploadId: /\bUploads\b/i.test(capabilities) && layer.hasAttachments === true,
    supportsApplyEditsWithGlobalIds: layer.globalIdField !== undefined,
    allowGeometryUpdates: true,
    allowTrueCurvesUpdates: false,
    onlyAllowTrueCurveUpdatesByTrueCurveClients: true,
    hasStaticData: !/Create|Update|Delete|Editing/.test(capabilities),
    typeIdField: layer.typeIdField ?? "",
    subtypeField: "",
    ...typesAndTemplates(layer),
    capabilities,
    ...modernInfo(layer),
  };
}

/** Layer info in the flavour of the service type it is requested through. */
export function layerInfoJson(layer: SampleLayer, flavor: LayerFlavor): Record<string, unknown> {
  return flavor === "MapServer" ? mapLayerInfoJson(layer) : featureLayerInfoJson(layer);
}

/** A service's layers and tables, apart. */
export function layersOf(service: SampleService): { layers: SampleLayer[]; tables: SampleLayer[] } {
  return {
    layers: service.layers.filter((l) => l.type !== "Table"),
    tables: service.layers.filter((l) => l.type === "Table"),
  };
}
