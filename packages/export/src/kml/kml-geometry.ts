import type { GeoJSONGeometry, GeoJSONPosition } from "@arcrest/core";

function coordinates(points: GeoJSONPosition[]): string {
  return `<coordinates>${tuples(points)}</coordinates>`;
}

/**
 * "x,y[,z] x,y[,z] …". Numbers are formatted by one native `JSON.stringify` of the whole list (the same text as
 * `String(n)` for finite numbers, several times faster than formatting each in JavaScript); positions with M, or
 * non-finite values (which JSON writes as null), take the per-position path.
 */
function tuples(points: GeoJSONPosition[]): string {
  if (points.some((p) => p.length > 3)) return slowTuples(points);
  const json = JSON.stringify(points);
  return json.includes("null") ? slowTuples(points) : json.slice(2, -2).replaceAll("],[", " ");
}

function slowTuples(points: GeoJSONPosition[]): string {
  return points.map((p) => (p.length > 2 ? `${p[0]},${p[1]},${p[2]}` : `${p[0]},${p[1]}`)).join(" ");
}

function altitude(points: GeoJSONPosition[] | undefined): string {
  return points && points.length > 0 && points[0].length > 2 ? "<altitudeMode>absolute</altitudeMode>" : "";
}

function point(p: GeoJSONPosition): string {
  return `<Point>${altitude([p])}${coordinates([p])}</Point>`;
}

function lineString(points: GeoJSONPosition[]): string {
  return `<LineString>${altitude(points)}${coordinates(points)}</LineString>`;
}

function polygon(rings: GeoJSONPosition[][]): string {
  const [outer, ...holes] = rings;
  const inner = holes.map((ring) => `<innerBoundaryIs><LinearRing>${coordinates(ring)}</LinearRing></innerBoundaryIs>`).join("");
  return `<Polygon>${altitude(outer)}<outerBoundaryIs><LinearRing>${coordinates(outer)}</LinearRing></outerBoundaryIs>${inner}</Polygon>`;
}

/** KML 2.2 geometry markup for a GeoJSON geometry (WGS84); multi-part geometries become `MultiGeometry`. */
export function kmlGeometry(geometry: GeoJSONGeometry | null): string {
  if (!geometry) return "";
  switch (geometry.type) {
    case "Point":
      return point(geometry.coordinates);
    case "LineString":
      return lineString(geometry.coordinates);
    case "Polygon":
      return polygon(geometry.coordinates);
    case "MultiPoint":
      return `<MultiGeometry>${geometry.coordinates.map(point).join("")}</MultiGeometry>`;
    case "MultiLineString":
      return `<MultiGeometry>${geometry.coordinates.map(lineString).join("")}</MultiGeometry>`;
    case "MultiPolygon":
      return `<MultiGeometry>${geometry.coordinates.map(polygon).join("")}</MultiGeometry>`;
    case "GeometryCollection":
      return `<MultiGeometry>${geometry.geometries.map(kmlGeometry).join("")}</MultiGeometry>`;
  }
}
