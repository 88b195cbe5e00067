import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { EsriEnvelope, EsriPolygonLike, Progress } from "@arcrest/core";
import type { ImageService } from "../image-service.js";
import { exportImageBytes } from "../operations/export-image.js";
import { planClip, planExport } from "../planning.js";
import { mosaic } from "../tiling/mosaic.js";
import type { ClipOptions, ExportImageOptions } from "../types.js";

/** Options of {@link clipToFile} and {@link exportImageToFile}. */
export interface ImageFileOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

async function writeAtomically(path: string, signal: AbortSignal | undefined, body: (write: (chunk: Uint8Array) => Promise<void>) => Promise<number | undefined>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await open(temp, "w");
  try {
    const ifdOffset = await body(async (chunk) => {
      signal?.throwIfAborted();
      await handle.write(chunk);
    });
    if (ifdOffset !== undefined) {
      const pointer = Buffer.alloc(4);
      pointer.writeUInt32LE(ifdOffset, 0);
      await handle.write(pointer, 0, 4, 4);
    }
    await handle.close();
    await rename(temp, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Clips an image service to a polygon straight into a GeoTIFF file (temp file, then rename).
 *
 * @example
 * ```ts
 * await clipToFile(im, polygon, "out/dem.tif", { onProgress: console.log });
 * ```
 */
export async function clipToFile(im: ImageService, geometry: EsriPolygonLike | EsriEnvelope, path: string, options: ImageFileOptions & ClipOptions = {}): Promise<void> {
  const job = planClip(im, geometry, options);
  await writeAtomically(path, options.signal, (write) => mosaic(job, { write }));
}

/**
 * Exports an image (any size, tiled over the server's maximum) straight into a GeoTIFF file.
 *
 * @example
 * ```ts
 * await exportImageToFile(im, { bbox: [xmin, ymin, xmax, ymax], pixelSize: 10 }, "out/area.tif");
 * ```
 */
export async function exportImageToFile(im: ImageService, options: ExportImageOptions, path: string): Promise<void> {
  const plan = planExport(im, options);
  await writeAtomically(path, options.signal, async (write) => {
    if (plan.job) return mosaic(plan.job, { write });
    await write(await exportImageBytes(im.url, plan.single));
    return undefined;
  });
}
