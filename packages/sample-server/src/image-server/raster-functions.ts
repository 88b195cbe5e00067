import type { SampleImageService } from "./catalog.js";
import { BadRequest, contains, toGeometry, type ServerGeometry } from "./params.js";

/** Pixels after the rendering rule: `at` fills `out` and returns false for noData. */
export interface PixelSource {
  bands: number;
  pixelType: "F32" | "U8";
  noData: number;
  at(x: number, y: number, out: number[]): boolean;
}

interface RuleJson {
  rasterFunction?: unknown;
  rasterFunctionArguments?: Record<string, unknown>;
  outputPixelType?: unknown;
}

/** The service's own pixels: continuous surfaces sampled at (x, y); noData outside the extent. */
export function serviceSource(service: SampleImageService): PixelSource {
  const { extent } = service;
  return {
    bands: service.bandCount,
    pixelType: service.pixelType,
    noData: service.noData,
    at(x, y, out) {
      if (x < extent.xmin || x > extent.xmax || y < extent.ymin || y > extent.ymax) return false;
      for (let b = 0; b < service.bandCount; b++) out[b] = service.value(b, x, y);
      return true;
    },
  };
}

/** Applies a `renderingRule` (JSON text) on top of the service's pixels. */
export function applyRenderingRule(service: SampleImageService, text: string | undefined): PixelSource {
  if (!text || text.trim() === "") return serviceSource(service);
  let rule: unknown;
  try {
    rule = JSON.parse(text);
  } catch {
    throw new BadRequest("Invalid renderingRule: not JSON.");
  }
  return build(service, rule as RuleJson);
}

function build(service: SampleImageService, rule: RuleJson | undefined): PixelSource {
  if (!rule || typeof rule !== "object") return serviceSource(service);
  const name = typeof rule.rasterFunction === "string" ? rule.rasterFunction : "";
  const args = rule.rasterFunctionArguments ?? {};
  const input = args.Raster && typeof args.Raster === "object" ? build(service, args.Raster as RuleJson) : serviceSource(service);
  switch (name.toLowerCase()) {
    case "":
    case "none":
      return input;
    case "bandarithmetic":
      return bandArithmetic(input, args);
    case "clip":
      return clip(input, args);
    default:
      throw new BadRequest(`Raster function '${name}' is not supported.`);
  }
}

function bandArithmetic(input: PixelSource, args: Record<string, unknown>): PixelSource {
  const method = Number(args.Method ?? 0);
  const indexes = String(args.BandIndexes ?? "");
  let formula: (bands: number[]) => number;
  if (method === 0) formula = compileExpression(indexes, input.bands);
  else if (method === 1) {
    const [nir, red] = indexes.trim().split(/[\s,]+/).map((s) => Number(s) - 1);
    if (!(nir >= 0 && nir < input.bands && red >= 0 && red < input.bands)) throw new BadRequest(`Invalid BandIndexes for NDVI: ${indexes}`);
    formula = (b) => (b[nir] - b[red]) / (b[nir] + b[red]);
  } else throw new BadRequest(`BandArithmetic Method ${method} is not supported.`);
  const noData = -3.4028234663852886e38;
  const bands: number[] = [];
  return {
    bands: 1,
    pixelType: "F32",
    noData,
    at(x, y, out) {
      if (!input.at(x, y, bands)) return false;
      const value = Math.fround(formula(bands));
      if (!Number.isFinite(value)) return false;
      out[0] = value;
      return true;
    },
  };
}

function clip(input: PixelSource, args: Record<string, unknown>): PixelSource {
  const geometry: ServerGeometry = toGeometry(args.ClippingGeometry, "ClippingGeometry");
  if (geometry.kind !== "polygon" && geometry.kind !== "envelope") throw new BadRequest("ClippingGeometry must be a polygon or an envelope.");
  const keepInside = Number(args.ClipType ?? 1) !== 2;
  return {
    ...input,
    at(x, y, out) {
      if (contains(geometry, x, y) !== keepInside) return false;
      return input.at(x, y, out);
    },
  };
}

/** Compiles `(b1 - b2) / (b1 + b2) * 2` style expressions (b1 is the first band). */
function compileExpression(text: string, bandCount: number): (bands: number[]) => number {
  const tokens = text.match(/b\d+|\d+(?:\.\d+)?|[-+*/()]|\S/gi) ?? [];
  let pos = 0;
  const fail = (): never => {
    throw new BadRequest(`Invalid BandIndexes expression: ${text}`);
  };
  type Node = (b: number[]) => number;
  const primary = (): Node => {
    const token = tokens[pos++];
    if (token === undefined) return fail();
    if (token === "(") {
      const inner = sum();
      if (tokens[pos++] !== ")") fail();
      return inner;
    }
    if (token === "-") {
      const inner = primary();
      return (b) => -inner(b);
    }
    if (/^b\d+$/i.test(token)) {
      const index = Number(token.slice(1)) - 1;
      if (index < 0 || index >= bandCount) fail();
      return (b) => b[index];
    }
    if (/^\d/.test(token)) {
      const value = Number(token);
      return () => value;
    }
    return fail();
  };
  const product = (): Node => {
    let left = primary();
    while (tokens[pos] === "*" || tokens[pos] === "/") {
      const op = tokens[pos++];
      const l = left;
      const r = primary();
      left = op === "*" ? (b) => l(b) * r(b) : (b) => l(b) / r(b);
    }
    return left;
  };
  const sum = (): Node => {
    let left = product();
    while (tokens[pos] === "+" || tokens[pos] === "-") {
      const op = tokens[pos++];
      const l = left;
      const r = product();
      left = op === "+" ? (b) => l(b) + r(b) : (b) => l(b) - r(b);
    }
    return left;
  };
  const root = sum();
  if (pos !== tokens.length) fail();
  return root;
}
