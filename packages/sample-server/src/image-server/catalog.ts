/**
 * The sample image services: synthetic rasters defined by functions of the map coordinate, so tests
 * can compute any pixel independently. Web Mercator (wkid 102100 / EPSG 3857), 10 m pixels.
 */

/** Pixel types the sample services use (ArcGIS names). */
export type SamplePixelType = "F32" | "U8";

/** One synthetic image service. */
export interface SampleImageService {
  /** Full name with folder, e.g. "Elevation/DEM". */
  name: string;
  description: string;
  pixelType: SamplePixelType;
  bandCount: number;
  /** Native extent (wkid 102100). */
  extent: { xmin: number; ymin: number; xmax: number; ymax: number };
  pixelSize: number;
  noData: number;
  capabilities: string;
  /** Value of band `band` (0-based) of the native pixel whose centre is (x, y). */
  value(band: number, x: number, y: number): number;
  /** Band statistics advertised in the service info. */
  minValues: number[];
  maxValues: number[];
  /**
   * `"json"`: exportImage answers every request (also `f=image`) with the JSON image resource (an `href`
   * to the image in the output directory), as servers and proxies that do not stream image bytes do.
   */
  exportAnswer?: "json";
}

/** Lower-left corner of every sample raster. */
export const ORIGIN_X = -13_000_000;
export const ORIGIN_Y = 4_500_000;
const SIZE = 100_000; // 10,000 × 10,000 native pixels of 10 m

/**
 * The DEM surface in metres at map point (x, y): a smooth function tests recompute on their own.
 * `1000 + 300·sin((x−X0)/4000)·cos((y−Y0)/6000) + 0.002·(x−X0)`, stored as float32.
 */
export function demElevation(x: number, y: number): number {
  const dx = x - ORIGIN_X;
  const dy = y - ORIGIN_Y;
  return Math.fround(1000 + 300 * Math.sin(dx / 4000) * Math.cos(dy / 6000) + 0.002 * dx);
}

/** Band `band` of the RGB image at (x, y): values 1..255 (0 is noData). */
export function rgbValue(band: number, x: number, y: number): number {
  const dx = x - ORIGIN_X;
  const dy = y - ORIGIN_Y;
  const phase = [0, 2, 4][band] ?? 0;
  return 1 + Math.floor(127 * (1 + Math.sin(dx / (3000 + band * 1000) + dy / 5000 + phase)));
}

const EXTENT = { xmin: ORIGIN_X, ymin: ORIGIN_Y, xmax: ORIGIN_X + SIZE, ymax: ORIGIN_Y + SIZE };

const DEM: SampleImageService = {
  name: "Elevation/DEM",
  description: "A synthetic digital elevation model (float32, 1 band, 10 m).",
  pixelType: "F32",
  bandCount: 1,
  extent: EXTENT,
  pixelSize: 10,
  noData: -3.4028234663852886e38,
  capabilities: "Image,Metadata,Catalog,Mensuration",
  value: (_band, x, y) => demElevation(x, y),
  minValues: [700],
  maxValues: [1500],
};

const RGB: SampleImageService = {
  name: "Imagery/RGB",
  description: "A synthetic 3-band 8-bit image.",
  pixelType: "U8",
  bandCount: 3,
  extent: EXTENT,
  pixelSize: 10,
  noData: 0,
  capabilities: "Image,Metadata",
  value: rgbValue,
  minValues: [1, 1, 1],
  maxValues: [255, 255, 255],
};

/** The image services of the default dataset, by full name: the DEM and RGB image, and variants of them. */
export const IMAGE_SERVICES: readonly SampleImageService[] = [
  DEM,
  RGB,
  {
    ...DEM,
    name: "Elevation/DEMHref",
    description: "The synthetic DEM on a server whose exportImage only answers with an href to the image.",
    exportAnswer: "json",
  },
  {
    ...RGB,
    name: "Imagery/CatalogOnly",
    description: "An image service published without the Image capability (no exportImage).",
    capabilities: "Catalog,Metadata",
  },
];

/** A sample image service by full name (case-insensitive). */
export function findImageService(name: string): SampleImageService | undefined {
  return IMAGE_SERVICES.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** Whether the service allows pixel access (exportImage, identify, samples, histograms). */
export function hasImageCapability(service: SampleImageService): boolean {
  return service.capabilities.split(",").some((c) => c.trim().toLowerCase() === "image");
}
