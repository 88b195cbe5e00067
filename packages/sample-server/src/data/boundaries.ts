import { doubleField, integerField, oidField, stringField } from "./field-builders.js";
import { TOWNS, WATERBODIES } from "./names.js";
import type { Prng } from "./prng.js";
import type { SampleFeature, SampleLayer, SampleService } from "./types.js";

type Ring = number[][];

const COLS = 6;
const ROWS = 4;
const WEST = -122.6;
const SOUTH = 37.4;
const CELL_W = 0.3;
const CELL_H = 0.35;

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** A clockwise (outer, in Esri terms) rectangle ring. */
function outerBox(x0: number, y0: number, x1: number, y1: number): Ring {
  return [[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]].map((p) => p.map(round6));
}

/** A counter-clockwise (hole) rectangle ring. */
function holeBox(x0: number, y0: number, x1: number, y1: number): Ring {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]].map((p) => p.map(round6));
}

/** Planar area of a ring in square degrees (positive for clockwise rings). */
function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += (ring[i][0] - ring[i - 1][0]) * (ring[i][1] + ring[i - 1][1]);
  return sum / 2;
}

function districtFeatures(rng: Prng): SampleFeature[] {
  // Grid nodes are jittered once so neighbouring districts share their edges.
  const node = Array.from({ length: COLS + 1 }, (_, i) =>
    Array.from({ length: ROWS + 1 }, (_, j) => {
      const edge = i === 0 || j === 0 || i === COLS || j === ROWS;
      const jx = edge ? 0 : rng.range(-0.06, 0.06);
      const jy = edge ? 0 : rng.range(-0.06, 0.06);
      return [round6(WEST + i * CELL_W + jx), round6(SOUTH + j * CELL_H + jy)];
    }),
  );
  const features: SampleFeature[] = [];
  for (let j = 0; j < ROWS; j++) {
    for (let i = 0; i < COLS; i++) {
      const id = features.length + 1;
      const outer: Ring = [node[i][j], node[i][j + 1], node[i + 1][j + 1], node[i + 1][j], node[i][j]].map((p) => [...p]);
      const rings: Ring[] = [outer];
      const cx = WEST + (i + 0.5) * CELL_W;
      const cy = SOUTH + (j + 0.5) * CELL_H;
      let kind = "simple";
      if (id % 5 === 0 || id === 12) {
        // A lake: a hole in the middle of the district.
        rings.push(holeBox(cx - 0.05, cy - 0.05, cx + 0.05, cy + 0.05));
        kind = "hole";
      }
      if (id === 12) {
        rings.push(holeBox(cx + 0.07, cy - 0.1, cx + 0.1, cy - 0.07));
        kind = "holes";
      }
      if (id % 7 === 0 || id === 10) {
        // An island part south of the grid.
        const ix = WEST + i * CELL_W + 0.05;
        rings.push(outerBox(ix, SOUTH - 0.2 - 0.05 * (j % 2), ix + 0.12, SOUTH - 0.1 - 0.05 * (j % 2)));
        kind = kind === "simple" ? "multipart" : "multipart_hole";
      }
      const degrees = rings.reduce((sum, r) => sum + ringArea(r), 0);
      features.push({
        attributes: {
          objectid: id,
          district_id: 100 + id,
          name: `${rng.pick(TOWNS)} District ${id}`,
          population: rng.int(5_000, 250_000),
          area_km2: Math.round(degrees * 111.32 * 111.32 * Math.cos((cy * Math.PI) / 180) * 100) / 100,
          shape_kind: kind,
        },
        geometry: { rings },
      });
    }
  }
  return features;
}

function meander(rng: Prng, x0: number, y0: number, steps: number, dx: number): number[][] {
  const path: number[][] = [];
  let x = x0;
  let y = y0;
  for (let s = 0; s <= steps; s++) {
    path.push([round6(x), round6(y)]);
    x += dx;
    y += rng.range(-0.03, 0.03) - 0.01;
  }
  return path;
}

function pathLengthKm(paths: number[][][]): number {
  let km = 0;
  for (const path of paths) {
    for (let i = 1; i < path.length; i++) {
      const dx = (path[i][0] - path[i - 1][0]) * 111.32 * Math.cos((path[i][1] * Math.PI) / 180);
      const dy = (path[i][1] - path[i - 1][1]) * 110.57;
      km += Math.hypot(dx, dy);
    }
  }
  return Math.round(km * 100) / 100;
}

function riverFeatures(rng: Prng): SampleFeature[] {
  const features: SampleFeature[] = [];
  for (let r = 0; r < 8; r++) {
    const paths = [meander(rng, WEST + 0.05, SOUTH + 0.15 + r * 0.17, 20, 0.085)];
    // One river is split in two parts (it runs underground for a while).
    if (r === 3) paths.push(meander(rng, WEST + 0.1, SOUTH + 0.22 + r * 0.17, 6, 0.05).map((p) => [round6(p[0] + 0.6), p[1]]));
    features.push({
      attributes: { objectid: r + 1, name: WATERBODIES[(r * 5) % WATERBODIES.length], length_km: pathLengthKm(paths), parts: paths.length },
      geometry: { paths },
    });
  }
  return features;
}

/** `Boundaries/Districts`: polygons with holes and multipart polygons, and polylines (one multipart). */
export function createDistrictsService(rng: Prng): SampleService {
  const districts = districtFeatures(rng);
  const rivers = riverFeatures(rng);
  const base = {
    type: "Feature Layer" as const,
    wkid: 4326,
    objectIdField: "objectid",
    maxRecordCount: 1000,
    supportsPagination: true,
    supportsOrderBy: true,
    currentVersion: 10.81,
    capabilities: "Map,Query,Data",
  };
  const districtLayer: SampleLayer = {
    ...base,
    id: 0,
    name: "districts",
    geometryType: "esriGeometryPolygon",
    displayField: "name",
    fields: [
      oidField(),
      integerField("district_id", "District ID"),
      stringField("name", 60, "Name"),
      integerField("population", "Population"),
      doubleField("area_km2", "Area (km²)"),
      stringField("shape_kind", 20, "Shape Kind"),
    ],
    features: districts,
    nextObjectId: districts.length + 1,
  };
  const riverLayer: SampleLayer = {
    ...base,
    id: 1,
    name: "rivers",
    geometryType: "esriGeometryPolyline",
    displayField: "name",
    fields: [oidField(), stringField("name", 60, "Name"), doubleField("length_km", "Length (km)"), integerField("parts", "Parts")],
    features: rivers,
    nextObjectId: rivers.length + 1,
  };
  return { name: "Boundaries/Districts", type: "MapServer", layers: [districtLayer, riverLayer], currentVersion: 10.81 };
}
