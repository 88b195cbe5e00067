import type { SampleService } from "../data/types.js";
import { layerExtent, unionExtent } from "./extent.js";
import { layerCapabilities, layersOf } from "./layer-info.js";
import { spatialReferenceJson } from "./spatial-reference.js";

function serviceWkid(service: SampleService): number {
  return service.layers.find((l) => l.geometryType)?.wkid ?? 4326;
}

function fullExtent(service: SampleService): ReturnType<typeof unionExtent> {
  const wkid = serviceWkid(service);
  return unionExtent(
    service.layers.filter((l) => l.geometryType && l.wkid === wkid).map((l) => layerExtent(l)),
    wkid,
  );
}

function units(wkid: number): string {
  return wkid === 4326 ? "esriDecimalDegrees" : "esriMeters";
}

function layerSummaries(service: SampleService): { layers: unknown[]; tables: unknown[] } {
  const { layers, tables } = layersOf(service);
  return {
    layers: layers.map((l) => ({
      id: l.id,
      name: l.name,
      parentLayerId: -1,
      defaultVisibility: true,
      subLayerIds: null,
      minScale: 0,
      maxScale: 0,
      type: l.type,
      geometryType: l.geometryType,
    })),
    tables: tables.map((t) => ({ id: t.id, name: t.name })),
  };
}

function maxRecordCount(service: SampleService): number {
  return service.layers.reduce((max, l) => Math.max(max, l.maxRecordCount), 0) || 1000;
}

/** MapServer service info (`<service>/MapServer?f=json`). */
export function mapServiceInfoJson(service: SampleService): Record<string, unknown> {
  const wkid = serviceWkid(service);
  const extent = fullExtent(service);
  const shortName = service.name.split("/").pop() ?? service.name;
  return {
    currentVersion: service.currentVersion,
    serviceDescription: service.serviceDescription ?? "",
    mapName: "Layers",
    description: service.description ?? "",
    copyrightText: "",
    supportsDynamicLayers: false,
    ...layerSummaries(service),
    spatialReference: spatialReferenceJson(wkid),
    singleFusedMapCache: false,
    initialExtent: extent,
    fullExtent: extent,
    minScale: 0,
    maxScale: 0,
    units: units(wkid),
    supportedImageFormatTypes: "PNG32,PNG24,PNG,JPG,DIB,TIFF,EMF,PS,PDF,GIF,SVG,SVGZ,BMP",
    documentInfo: {
      Title: shortName,
      Author: "",
      Comments: "",
      Subject: "",
      Category: "",
      AntialiasingMode: "None",
      TextAntialiasingMode: "Force",
      Keywords: "",
    },
    capabilities: "Map,Query,Data",
    supportedQueryFormats: service.currentVersion >= 10.4 ? "JSON, geoJSON, PBF" : "JSON, AMF",
    exportTilesAllowed: false,
    referenceScale: 0,
    datesInUnknownTimezone: false,
    hasVersionedData: false,
    maxRecordCount: maxRecordCount(service),
    maxImageHeight: 4096,
    maxImageWidth: 4096,
    supportedExtensions: service.featureServer ? "FeatureServer" : "",
    ...(service.currentVersion >= 10.3 ? { supportsDatumTransformation: true } : {}),
  };
}

/** FeatureServer service info (`<service>/FeatureServer?f=json`). */
export function featureServiceInfoJson(service: SampleService): Record<string, unknown> {
  const wkid = serviceWkid(service);
  const extent = fullExtent(service);
  const caps = new Set<string>();
  for (const layer of service.layers) for (const c of layerCapabilities(layer, "FeatureServer").split(",")) caps.add(c);
  const capabilities = [...caps].join(",");
  const sync = caps.has("Sync");
  return {
    currentVersion: service.currentVersion,
    serviceDescription: service.serviceDescription ?? "",
    hasVersionedData: false,
    supportsDisconnectedEditing: false,
    hasStaticData: !/Create|Update|Delete|Editing/.test(capabilities),
    maxRecordCount: maxRecordCount(service),
    supportedQueryFormats: service.currentVersion >= 10.4 ? "JSON, geoJSON, PBF" : "JSON",
    capabilities,
    description: service.description ?? "",
    copyrightText: "",
    spatialReference: spatialReferenceJson(wkid),
    initialExtent: extent,
    fullExtent: extent,
    allowGeometryUpdates: true,
    units: units(wkid),
    size: service.layers.reduce((sum, l) => sum + (l.lazy ? l.lazy.count : l.features.length) * 64, 0),
    syncEnabled: sync,
    ...(sync
      ? {
          syncCapabilities: {
            supportsAsync: true,
            supportsRegisteringExistingData: true,
            supportsSyncDirectionControl: true,
            supportsPerLayerSync: true,
            supportsPerReplicaSync: false,
            supportsSyncModelNone: true,
            supportsRollbackOnFailure: false,
            supportsAttachmentsSyncDirection: true,
          },
        }
      : {}),
    supportsApplyEditsWithGlobalIds: service.layers.some((l) => l.globalIdField !== undefined),
    editorTrackingInfo: {
      enableEditorTracking: false,
      enableOwnershipAccessControl: false,
      allowOthersToUpdate: true,
      allowOthersToDelete: true,
    },
    xssPreventionInfo: { xssPreventionEnabled: true, xssPreventionRule: "InputOnly", xssInputRule: "rejectInvalid" },
    enableZDefaults: false,
    ...layerSummaries(service),
  };
}
