import type { GeoJSONGeometry, GeoJSONPosition } from "@arcrest/core";

function position(p: GeoJSONPosition): string {
  return p.length > 2 ? `${p[0]} ${p[1]} ${p[2]}` : `${p[0]} ${p[1]}`;
}

/** `(x y, x y, …)`: positions into a preallocated array, joined once (formatting the numbers is most of the cost). */
function line(points: GeoJSONPosition[]): string {
  const n = points.length;
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = position(points[i] as GeoJSONPosition);
  return `(${parts.join(", ")})`;
}

function polygon(rings: GeoJSONPosition[][]): string {
  return `(${rings.map(line).join(", ")})`;
}

function hasZ(geometry: GeoJSONGeometry): boolean {
  switch (geometry.type) {
    case "Point":
      return geometry.coordinates.length > 2;
    case "MultiPoint":
    case "LineString":
      return (geometry.coordinates[0]?.length ?? 0) > 2;
    case "MultiLineString":
    case "Polygon":
      return (geometry.coordinates[0]?.[0]?.length ?? 0) > 2;
    case "MultiPolygon":
      return (geometry.coordinates[0]?.[0]?.[0]?.length ?? 0) > 2;
    case "GeometryCollection":
      return geometry.geometries.some(hasZ);
  }
}

/**
 * Well-known text (OGC Simple Features / ISO SQL/MM, `POINT Z (...)` for 3D)
 * of a GeoJSON geometry; `""` for none.
 */
export function toWkt(geometry: GeoJSONGeometry | null): string {
  if (!geometry) return "";
  const z = hasZ(geometry) ? " Z" : "";
  switch (geometry.type) {
    case "Point":
      return `POINT${z} (${position(geometry.coordinates)})`;
    case "MultiPoint":
      return `MULTIPOINT${z} (${geometry.coordinates.map((p) => `(${position(p)})`).join(", ")})`;
    case "LineString":
      return `LINESTRING${z} ${line(geometry.coordinates)}`;
    case "MultiLineString":
      return `MULTILINESTRING${z} (${geometry.coordinates.map(line).join(", ")})`;
    case "Polygon":
      return `POLYGON${z} ${polygon(geometry.coordinates)}`;
    case "MultiPolygon":
      return `MULTIPOLYGON${z} (${geometry.coordinates.map(polygon).join(", ")})`;
    case "GeometryCollection":
      return `GEOMETRYCOLLECTION${z} (${geometry.geometries.map(toWkt).join(", ")})`;
  }
}
