import { encodePng, type Raster } from "../image/png.js";
import type { SampleImageService } from "./catalog.js";
import { IMAGE_SR, MAX_IMAGE_SIZE } from "./info.js";
import { BadRequest, parseBox, parseSize, parseWkid, type Box } from "./params.js";
import { applyRenderingRule, type PixelSource } from "./raster-functions.js";
import { encodeTiff, type ServerRaster } from "./tiff.js";

/** An encoded export: the bytes and what describes them. */
export interface ExportedImage {
  data: Uint8Array;
  contentType: string;
  extension: string;
  width: number;
  height: number;
  box: Box;
}

const WEB_MERCATOR = new Set([102100, 102113, 3857, 900913]);

/** `exportImage`: renders the request's grid (`bbox` + `size`) and encodes it. */
export function exportImage(service: SampleImageService, params: Record<string, string>): ExportedImage {
  const box = parseBox(params.bbox, "bbox");
  for (const name of ["bboxSR", "imageSR"]) {
    const wkid = parseWkid(params[name]);
    if (wkid !== undefined && !WEB_MERCATOR.has(wkid)) throw new BadRequest(`The sample server only serves wkid 102100; ${name}=${wkid}.`);
  }
  const [width, height] = parseSize(params.size) ?? [400, 400];
  if (width > MAX_IMAGE_SIZE || height > MAX_IMAGE_SIZE) throw new BadRequest("The requested image exceeds the size limit.");
  const format = (params.format ?? "jpgpng").toLowerCase();
  const source = applyRenderingRule(service, params.renderingRule);
  const noData = params.noData !== undefined && params.noData !== "" ? Number(params.noData) : source.noData;
  if (!Number.isFinite(noData)) throw new BadRequest(`Invalid noData: ${params.noData}`);
  const raster = render(source, box, width, height, noData);
  if (format === "tiff") {
    const compressed = (params.compression ?? "").toLowerCase() === "lz77";
    return { data: encodeTiff(raster, compressed), contentType: "image/tiff", extension: "tif", width, height, box };
  }
  if (["png", "png8", "png24", "png32", "jpgpng"].includes(format)) {
    return { data: encodePng(toRgba(raster, service)), contentType: "image/png", extension: "png", width, height, box };
  }
  throw new BadRequest(`Format '${format}' is not supported by this server.`);
}

/** Samples each output pixel's centre. */
function render(source: PixelSource, box: Box, width: number, height: number, noData: number): ServerRaster {
  const bands = source.bands;
  const data = source.pixelType === "F32" ? new Float32Array(width * height * bands) : new Uint8Array(width * height * bands);
  const sx = (box.xmax - box.xmin) / width;
  const sy = (box.ymax - box.ymin) / height;
  const values: number[] = [];
  for (let row = 0; row < height; row++) {
    const y = box.ymax - (row + 0.5) * sy;
    for (let col = 0; col < width; col++) {
      const x = box.xmin + (col + 0.5) * sx;
      const at = (row * width + col) * bands;
      const ok = source.at(x, y, values);
      for (let b = 0; b < bands; b++) data[at + b] = ok ? values[b] : noData;
    }
  }
  return { width, height, bands, pixelType: source.pixelType, data, originX: box.xmin, originY: box.ymax, scaleX: sx, scaleY: sy, epsg: IMAGE_SR.latestWkid, noData };
}

/** A display rendering: RGB as is, one band stretched over the service's min..max; noData transparent. */
function toRgba(raster: ServerRaster, service: SampleImageService): Raster {
  const { width, height, bands, data, noData } = raster;
  const rgba = new Uint8Array(width * height * 4);
  const min = service.minValues[0];
  const span = service.maxValues[0] - min || 1;
  for (let p = 0; p < width * height; p++) {
    const first = data[p * bands];
    if (first === Math.fround(noData) || first === noData) continue;
    for (let c = 0; c < 3; c++) {
      const v = bands >= 3 ? data[p * bands + c] : Math.round(((first - min) / span) * 255);
      rgba[p * 4 + c] = Math.max(0, Math.min(255, v));
    }
    rgba[p * 4 + 3] = 255;
  }
  return { width, height, pixels: rgba };
}
