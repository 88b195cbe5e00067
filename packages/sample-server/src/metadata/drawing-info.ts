import type { SampleGeometryType } from "../data/types.js";

/** A minimal simple renderer for a geometry type, as a layer's drawingInfo. */
export function drawingInfoJson(geometryType: SampleGeometryType): Record<string, unknown> {
  return { renderer: { type: "simple", symbol: symbolFor(geometryType), label: "", description: "" }, transparency: 0, labelingInfo: null };
}

function symbolFor(geometryType: SampleGeometryType): Record<string, unknown> {
  switch (geometryType) {
    case "esriGeometryPoint":
    case "esriGeometryMultipoint":
      return {
        type: "esriSMS",
        style: "esriSMSCircle",
        color: [0, 112, 255, 255],
        size: 4,
        angle: 0,
        xoffset: 0,
        yoffset: 0,
        outline: { color: [0, 0, 0, 255], width: 1 },
      };
    case "esriGeometryPolyline":
      return { type: "esriSLS", style: "esriSLSSolid", color: [0, 92, 230, 255], width: 1.5 };
    case "esriGeometryPolygon":
      return {
        type: "esriSFS",
        style: "esriSFSSolid",
        color: [252, 212, 144, 128],
        outline: { type: "esriSLS", style: "esriSLSSolid", color: [110, 110, 110, 255], width: 0.7 },
      };
  }
}
