import { request, type CallOptions, type SpatialReference } from "@arcrest/core";
import { fromArrayBuffer } from "geotiff";
import type { MosaicRule, RenderingRule } from "../types.js";

/** Parameters of one exportImage request. */
export interface ExportImageRequest extends CallOptions {
  bbox: [number, number, number, number];
  size: [number, number];
  bboxSR?: number | SpatialReference;
  imageSR?: number | SpatialReference;
  format: "tiff" | "png" | "jpg";
  renderingRule?: RenderingRule;
  mosaicRule?: MosaicRule;
  interpolation?: string;
  noData?: number;
}

/** One `exportImage` request answered with the image bytes (`f=image`). */
export async function exportImageBytes(url: string, options: ExportImageRequest): Promise<Uint8Array> {
  const { session, signal, bbox, size, format, ...rest } = options;
  const response = await request<Response>(`${url}/exportImage`, {
    ...(session ? { session } : {}),
    ...(signal ? { signal } : {}),
    kind: "read",
    rawResponse: true,
    params: {
      f: "image",
      bbox: bbox.join(","),
      size: size.join(","),
      format,
      bboxSR: rest.bboxSR,
      imageSR: rest.imageSR,
      renderingRule: rest.renderingRule,
      mosaicRule: rest.mosaicRule,
      interpolation: rest.interpolation,
      noData: rest.noData,
    },
  });
  return new Uint8Array(await response.arrayBuffer());
}

/** Decoded samples of a TIFF tile (pixel-interleaved), read with `geotiff`. */
export interface DecodedTile {
  width: number;
  height: number;
  bands: number;
  data: Float32Array | Uint8Array;
}

/** Decodes a TIFF answer with the `geotiff` library. Other sample types are widened to float32. */
export async function decodeTiff(bytes: Uint8Array): Promise<DecodedTile> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const tiff = await fromArrayBuffer(buffer);
  const image = await tiff.getImage();
  const raster = (await image.readRasters({ interleave: true })) as unknown as ArrayLike<number> & { constructor: unknown };
  const data = raster instanceof Float32Array || raster instanceof Uint8Array ? raster : Float32Array.from(raster);
  return { width: image.getWidth(), height: image.getHeight(), bands: image.getSamplesPerPixel(), data };
}
