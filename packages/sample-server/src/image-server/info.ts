import { SERVER_VERSION } from "../metadata/version.js";
import type { SampleImageService } from "./catalog.js";

/** Spatial reference JSON of every sample image service. */
export const IMAGE_SR = { wkid: 102100, latestWkid: 3857 };

/** Largest export, in pixels each way (ArcGIS `maxImageWidth` / `maxImageHeight`). */
export const MAX_IMAGE_SIZE = 500;

/** `<name>/ImageServer?f=json`, with the keys of ArcGIS Server's image service resource. */
export function imageServiceInfoJson(service: SampleImageService): Record<string, unknown> {
  const extent = { ...service.extent, spatialReference: IMAGE_SR };
  return {
    currentVersion: SERVER_VERSION,
    serviceDescription: service.description,
    name: service.name,
    description: service.description,
    extent,
    initialExtent: extent,
    fullExtent: extent,
    pixelSizeX: service.pixelSize,
    pixelSizeY: service.pixelSize,
    bandCount: service.bandCount,
    pixelType: service.pixelType,
    minPixelSize: 0,
    maxPixelSize: 0,
    copyrightText: "Synthetic data of the arcrest sample server",
    serviceDataType: service.bandCount === 1 ? "esriImageServiceDataTypeElevation" : "esriImageServiceDataTypeRGB",
    minValues: service.minValues,
    maxValues: service.maxValues,
    meanValues: service.minValues.map((min, i) => (min + service.maxValues[i]) / 2),
    stdvValues: service.minValues.map((min, i) => (service.maxValues[i] - min) / 4),
    objectIdField: "",
    fields: [],
    capabilities: service.capabilities,
    defaultMosaicMethod: "None",
    allowedMosaicMethods: "",
    sortField: "",
    sortValue: null,
    mosaicOperator: "First",
    defaultCompressionQuality: 75,
    defaultResamplingMethod: "Nearest",
    maxImageHeight: MAX_IMAGE_SIZE,
    maxImageWidth: MAX_IMAGE_SIZE,
    maxRecordCount: 1000,
    maxDownloadImageCount: 0,
    maxDownloadSizeLimit: 0,
    maxMosaicImageCount: 20,
    allowRasterFunction: true,
    rasterFunctionInfos: [
      { name: "None", description: "A No-Op Function.", help: "" },
      { name: "BandArithmetic", description: "Arithmetic on the bands of the input raster.", help: "" },
      { name: "Clip", description: "Clips the raster to a geometry.", help: "" },
    ],
    rasterTypeInfos: [],
    mensurationCapabilities: "Basic",
    hasHistograms: true,
    hasColormap: false,
    hasRasterAttributeTable: false,
    minScale: 0,
    maxScale: 0,
    exportTilesAllowed: false,
    hasMultidimensions: false,
    supportsStatistics: true,
    supportsAdvancedQueries: false,
    editFieldsInfo: null,
    ownershipBasedAccessControlForRasters: null,
    allowComputeTiePoints: false,
    useStandardizedQueries: true,
    noDataValue: service.noData,
    noDataValues: Array<number>(service.bandCount).fill(service.noData),
    spatialReference: IMAGE_SR,
  };
}
