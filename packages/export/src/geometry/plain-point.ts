/**
 * Whether a geometry is a 2D point with finite `x` and `y` and no `z` or `m`: writers of layers
 * without z, m or reprojection write its `x` and `y` as they are, without GeoJSON on the way.
 */
export function isPlainXY(geometry: unknown): geometry is { x: number; y: number; hasZ?: unknown; hasM?: unknown } {
  const g = geometry as { x?: unknown; y?: unknown; z?: unknown; m?: unknown } | null | undefined;
  return !!g && typeof g.x === "number" && typeof g.y === "number" && Number.isFinite(g.x) && Number.isFinite(g.y) && g.z === undefined && g.m === undefined;
}
