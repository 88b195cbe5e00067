import type { SampleFeature, SampleLayer } from "../data/types.js";
import { bytesReply, errorReply, jsonReply, type Reply } from "../http/reply.js";
import { spatialReferenceJson } from "../metadata/spatial-reference.js";
import type { ServiceRequest } from "../routes/service-context.js";
import { isWebMercator, transformer } from "./mercator.js";
import { createRaster, encodePng } from "./png.js";
import { drawGeometry, type Style } from "./render.js";

const MAX_SIZE = 4096;
const FORMATS = ["png", "png8", "png24", "png32"];
const METERS_PER_DEGREE = 111319.49079327358;

const STYLES: Record<string, Style> = {
  esriGeometryPoint: { fill: [0, 92, 230, 255], stroke: [0, 0, 0, 255], markerSize: 5 },
  esriGeometryMultipoint: { fill: [0, 92, 230, 255], stroke: [0, 0, 0, 255], markerSize: 5 },
  esriGeometryPolyline: { fill: [0, 0, 0, 0], stroke: [0, 77, 168, 255], markerSize: 1 },
  esriGeometryPolygon: { fill: [252, 212, 144, 160], stroke: [110, 110, 110, 255], markerSize: 1 },
};

interface Box {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

function parseBbox(text: string | undefined): (Box & { wkid?: number }) | undefined {
  if (!text) return undefined;
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    try {
      const json = JSON.parse(trimmed) as Partial<Box> & { spatialReference?: { wkid?: number; latestWkid?: number } };
      const { xmin, ymin, xmax, ymax } = json;
      if ([xmin, ymin, xmax, ymax].every((v) => typeof v === "number" && Number.isFinite(v))) {
        return { xmin: xmin!, ymin: ymin!, xmax: xmax!, ymax: ymax!, wkid: json.spatialReference?.latestWkid ?? json.spatialReference?.wkid };
      }
    } catch {
      return undefined;
    }
    return undefined;
  }
  const values = trimmed.split(",").map(Number);
  if (values.length !== 4 || values.some((v) => !Number.isFinite(v))) return undefined;
  const [xmin, ymin, xmax, ymax] = values;
  return { xmin: Math.min(xmin, xmax), ymin: Math.min(ymin, ymax), xmax: Math.max(xmin, xmax), ymax: Math.max(ymin, ymax) };
}

function parseWkid(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  try {
    const json = JSON.parse(trimmed) as { wkid?: number; latestWkid?: number };
    return json.latestWkid ?? json.wkid;
  } catch {
    return undefined;
  }
}

/** Which layer ids `layers=show:1,2|hide:..|include:..|exclude:..` selects. */
function visibleLayers(all: SampleLayer[], spec: string | undefined): SampleLayer[] {
  const drawable = all.filter((l) => l.geometryType);
  const match = /^\s*(show|hide|include|exclude)\s*:\s*([\d,\s]*)$/i.exec(spec ?? "");
  if (!match) return drawable;
  const ids = new Set(match[2].split(",").filter((s) => s.trim() !== "").map(Number));
  const mode = match[1].toLowerCase();
  return mode === "show" || mode === "include" ? drawable.filter((l) => ids.has(l.id)) : drawable.filter((l) => !ids.has(l.id));
}

function* layerFeatures(layer: SampleLayer): Iterable<SampleFeature> {
  if (layer.lazy) {
    for (let i = 0; i < layer.lazy.count; i++) yield layer.lazy.featureAt(i);
  } else {
    yield* layer.features;
  }
}

function invalid(detail: string, params: Record<string, string>): Reply {
  return errorReply(400, "Invalid or missing input parameters.", [detail], params);
}

/**
 * MapServer `export`: renders the visible layers into a PNG of the requested size. With f=image
 * the PNG itself is the answer; with f=json the answer describes it and `href` serves it.
 */
export function exportMap({ ctx, service }: ServiceRequest): Reply {
  const { params } = ctx;
  const serviceWkid = service.layers.find((l) => l.geometryType)?.wkid ?? 4326;
  const requested = parseBbox(params.bbox);
  if (!requested) return invalid("'bbox' must be 'xmin,ymin,xmax,ymax' or an envelope.", params);
  const bboxWkid = parseWkid(params.bboxSR) ?? requested.wkid ?? serviceWkid;
  const imageWkid = parseWkid(params.imageSR) ?? bboxWkid;
  const sizeParts = (params.size ?? "400,400").split(",").map((s) => Number(s.trim()));
  if (sizeParts.length !== 2 || sizeParts.some((v) => !Number.isInteger(v) || v <= 0)) {
    return invalid("'size' must be 'width,height' in pixels.", params);
  }
  const width = Math.min(sizeParts[0], MAX_SIZE);
  const height = Math.min(sizeParts[1], MAX_SIZE);
  const format = (params.format ?? "png").toLowerCase();
  if (!FORMATS.includes(format)) return invalid(`Unsupported format '${params.format}'; supported: ${FORMATS.join(", ")}.`, params);
  const dpi = Number(params.dpi ?? 96) || 96;
  const toImage = transformer(bboxWkid, imageWkid);
  if (!toImage) return invalid(`Cannot project from ${bboxWkid} to ${imageWkid}.`, params);

  // ArcGIS widens the requested box to the image's aspect ratio, keeping its centre.
  const [ax, ay] = toImage(requested.xmin, requested.ymin);
  const [bx, by] = toImage(requested.xmax, requested.ymax);
  const resolution = Math.max((bx - ax) / width, (by - ay) / height) || 1;
  const cx = (ax + bx) / 2;
  const cy = (ay + by) / 2;
  const extent: Box = {
    xmin: cx - (resolution * width) / 2,
    ymin: cy - (resolution * height) / 2,
    xmax: cx + (resolution * width) / 2,
    ymax: cy + (resolution * height) / 2,
  };

  const transparent = (params.transparent ?? "false").toLowerCase() === "true";
  const raster = createRaster(width, height, transparent ? [255, 255, 255, 0] : [255, 255, 255, 255]);
  for (const layer of visibleLayers(service.layers, params.layers)) {
    const project = transformer(layer.wkid, imageWkid);
    if (!project || !layer.geometryType) continue;
    const toPixel = (x: number, y: number): [number, number] => {
      const [ix, iy] = project(x, y);
      return [(ix - extent.xmin) / resolution, (extent.ymax - iy) / resolution];
    };
    const style = STYLES[layer.geometryType];
    for (const feature of layerFeatures(layer)) if (feature.geometry) drawGeometry(raster, feature.geometry, toPixel, style);
  }
  const png = encodePng(raster);

  const f = (params.f ?? "html").toLowerCase();
  if (f === "image") return bytesReply(png, "image/png");
  const name = ctx.state.outputs.put(`${service.name.replace(/\//g, "_")}_MapServer/_ags_map`, "png", { data: png, contentType: "image/png" });
  const metersPerUnit = isWebMercator(imageWkid) ? 1 : imageWkid === 4326 ? METERS_PER_DEGREE : 1;
  return jsonReply(
    {
      href: `${ctx.state.baseUrl}/arcgis/rest/directories/arcgisoutput/${name}`,
      width,
      height,
      extent: { ...extent, spatialReference: spatialReferenceJson(imageWkid) },
      scale: (resolution * metersPerUnit * dpi) / 0.0254,
    },
    params,
  );
}
