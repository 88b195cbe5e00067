import { ArcGISRequestError, request, type CallOptions, type SpatialReference } from "@arcrest/core";
import { serverRoot } from "@arcrest/core/internal";
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

/**
 * One `exportImage` request for the image bytes (`f=image`). A server that answers with the JSON image
 * resource instead (`{ href, width, height, extent, scale }`, as `f=json` does) is followed to its
 * `href`: with the session's token only when the href is on the same server, anonymously otherwise.
 */
export async function exportImageBytes(url: string, options: ExportImageRequest): Promise<Uint8Array> {
  const { session, signal, bbox, size, format, ...rest } = options;
  const call = { ...(session ? { session } : {}), ...(signal ? { signal } : {}) };
  const response = await request<Response>(`${url}/exportImage`, {
    ...call,
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
  if (!/json/i.test(response.headers.get("content-type") ?? "")) return new Uint8Array(await response.arrayBuffer());
  return followHref(url, (await response.json()) as unknown, call);
}

/** Fetches the image an exportImage JSON answer points at. */
async function followHref(url: string, body: unknown, call: CallOptions): Promise<Uint8Array> {
  const href = (body as { href?: unknown } | null)?.href;
  if (typeof href !== "string" || href === "") {
    const error = (body as { error?: { message?: unknown } } | null)?.error;
    const why = typeof error?.message === "string" ? `: ${error.message}` : "";
    throw new ArcGISRequestError({ message: `exportImage answered JSON without an image href${why}`, response: body, url: `${url}/exportImage` });
  }
  const target = new URL(href, `${url}/`).toString();
  const sameServer = serverRoot(target).toLowerCase() === serverRoot(url).toLowerCase();
  const response = await request<Response>(target, { ...call, kind: "read", rawResponse: true, params: { f: null }, ...(sameServer ? {} : { anonymous: true }) });
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
