import { ArcGISRequestError, type EsriPolygonLike, type Progress } from "@arcrest/core";
import type { ByteSink } from "../geotiff/writer.js";
import { StripedGeoTiffWriter } from "../geotiff/writer.js";
import { decodeTiff, exportImageBytes, type DecodedTile, type ExportImageRequest } from "../operations/export-image.js";
import { tilesOfRow, type OutputGrid, type Tile } from "./grid.js";
import { maskStrip } from "./mask.js";

/** Everything a tiled export needs. */
export interface MosaicJob {
  url: string;
  grid: OutputGrid;
  tileWidth: number;
  tileHeight: number;
  /** Request parameters shared by every tile (bbox and size are per tile). */
  request: Omit<ExportImageRequest, "bbox" | "size" | "format">;
  epsg: number | undefined;
  noData: number;
  /** Pixels whose centres are outside are set to noData. */
  mask?: EsriPolygonLike;
  concurrency: number;
  compression: "deflate" | "lzw";
  onProgress?: (progress: Progress) => void;
}

async function fetchTile(job: MosaicJob, tile: Tile): Promise<DecodedTile> {
  const bytes = await exportImageBytes(job.url, { ...job.request, bbox: tile.bbox, size: [tile.width, tile.height], format: "tiff" });
  const decoded = await decodeTiff(bytes);
  if (decoded.width !== tile.width || decoded.height !== tile.height) {
    throw new ArcGISRequestError({ message: `exportImage answered ${decoded.width} × ${decoded.height} for a ${tile.width} × ${tile.height} tile`, url: job.url });
  }
  return decoded;
}

/** Runs `work` over `items` with at most `limit` at once, keeping the order of results. */
async function pooled<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(runners);
  return results;
}

/**
 * Fetches the grid tile row by tile row (tiles of a row concurrently), writes each row as one
 * Deflate strip of a GeoTIFF into `sink`, and returns the IFD offset (to patch at byte 4).
 * Memory: one row of tiles plus one strip.
 */
export async function mosaic(job: MosaicJob, sink: ByteSink): Promise<number> {
  const { grid } = job;
  const rows = Math.ceil(grid.height / job.tileHeight);
  const total = rows * Math.ceil(grid.width / job.tileWidth);
  let writer: StripedGeoTiffWriter | undefined;
  let done = 0;
  for (let r = 0; r < rows; r++) {
    job.request.signal?.throwIfAborted();
    const tiles = tilesOfRow(grid, r, job.tileWidth, job.tileHeight);
    const decoded = await pooled(tiles, job.concurrency, (tile) => fetchTile(job, tile));
    const { bands } = decoded[0];
    const float = !(decoded[0].data instanceof Uint8Array);
    if (!writer) {
      writer = new StripedGeoTiffWriter(
        { width: grid.width, height: grid.height, bands, sampleFormat: float ? "float32" : "uint8", rowsPerStrip: job.tileHeight, originX: grid.originX, originY: grid.originY, pixelSizeX: grid.pixelSizeX, pixelSizeY: grid.pixelSizeY, epsg: job.epsg, noData: job.noData, compression: job.compression },
        sink,
      );
      await writer.begin();
    }
    const height = tiles[0].height;
    const strip = float ? new Float32Array(grid.width * height * bands) : new Uint8Array(grid.width * height * bands);
    tiles.forEach((tile, i) => {
      const data = decoded[i].data;
      for (let y = 0; y < height; y++) strip.set(data.subarray(y * tile.width * bands, (y + 1) * tile.width * bands), (y * grid.width + tile.col) * bands);
    });
    if (job.mask) maskStrip(strip, job.mask, grid, tiles[0].row, height, bands, job.noData);
    await writer.writeStrip(new Uint8Array(strip.buffer, strip.byteOffset, strip.byteLength));
    done += tiles.length;
    job.onProgress?.({ done, total, message: `${done} of ${total} tiles` });
  }
  return writer!.end();
}
