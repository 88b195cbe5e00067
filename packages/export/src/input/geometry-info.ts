import type { FeatureGeometryLike, GeometryType } from "@arcrest/core";

/** The geometry type of one Esri JSON geometry, or `undefined` if it is not one. */
export function geometryTypeOf(geometry: FeatureGeometryLike | null | undefined): GeometryType | undefined {
  if (!geometry || typeof geometry !== "object") return undefined;
  if ("rings" in geometry) return "esriGeometryPolygon";
  if ("paths" in geometry) return "esriGeometryPolyline";
  if ("points" in geometry) return "esriGeometryMultipoint";
  if ("xmin" in geometry) return "esriGeometryEnvelope";
  if ("x" in geometry) return "esriGeometryPoint";
  return undefined;
}

function firstPosition(geometry: FeatureGeometryLike): readonly number[] | undefined {
  if ("rings" in geometry) return geometry.rings?.[0]?.[0];
  if ("paths" in geometry) return geometry.paths?.[0]?.[0];
  if ("points" in geometry) return geometry.points?.[0];
  return undefined;
}

/** Whether a geometry carries z values (flag, `z` member, or 3+ ordinates without `hasM`). */
export function geometryHasZ(geometry: FeatureGeometryLike): boolean {
  if (geometry.hasZ !== undefined) return geometry.hasZ;
  if ("x" in geometry) return typeof geometry.z === "number";
  if ("xmin" in geometry) return typeof geometry.zmin === "number";
  const position = firstPosition(geometry);
  return !!position && position.length >= 3 && geometry.hasM !== true;
}

/** Whether a geometry carries m values (flag or `m` member). */
export function geometryHasM(geometry: FeatureGeometryLike): boolean {
  if (geometry.hasM !== undefined) return geometry.hasM;
  if ("x" in geometry) return typeof geometry.m === "number";
  const position = firstPosition(geometry);
  return !!position && position.length >= 4;
}
