import type { EsriEnvelope, SpatialReference } from "@arcrest/core";
import { UsageError } from "../errors.js";

/** `--fields a,b,c` → names (undefined for all). */
export function parseFields(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(",").map((n) => n.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError("--fields needs at least one field name");
  return names;
}

/** `--out-sr 3857` → a spatial reference (a wkid). */
export function parseSpatialReference(flag: string, value: string | undefined): SpatialReference | undefined {
  if (value === undefined) return undefined;
  const wkid = Number(value);
  if (!Number.isInteger(wkid) || wkid <= 0) throw new UsageError(`${flag} must be a wkid such as 4326 or 3857, got ${value}`);
  return { wkid };
}

/** `--bbox xmin,ymin,xmax,ymax` (in `--bbox-sr`, default WGS84) → an envelope. */
export function parseBbox(value: string | undefined, sr: SpatialReference | undefined): EsriEnvelope | undefined {
  if (value === undefined) return undefined;
  const numbers = value.split(",").map((n) => Number(n.trim()));
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) {
    throw new UsageError(`--bbox must be four numbers xmin,ymin,xmax,ymax, got ${value}`);
  }
  const [xmin, ymin, xmax, ymax] = numbers;
  if (xmin > xmax || ymin > ymax) throw new UsageError(`--bbox must have xmin <= xmax and ymin <= ymax, got ${value}`);
  return { xmin, ymin, xmax, ymax, spatialReference: sr ?? { wkid: 4326 } };
}

/** `--chunk 500` → a positive integer. */
export function parsePositiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive whole number, got ${value}`);
  return n;
}
