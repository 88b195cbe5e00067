/** Small hand-made layers for the query engine tests. */
import type { SampleFeature, SampleField, SampleLayer } from "../../src/data/types.js";

export const DAY = 86_400_000;

export function field(name: string, type: string, extra: Partial<SampleField> = {}): SampleField {
  return { name, type: `esriFieldType${type}`, alias: name.toUpperCase(), ...extra };
}

/** Options for {@link pointLayer}. */
export interface PointLayerOptions {
  count?: number;
  maxRecordCount?: number;
  servedPageSize?: number;
  supportsPagination?: boolean;
  wkid?: number;
}

const STATES = ["CA", "OR", "WA", "NV", "AZ"];

/**
 * A point layer with fields objectid, name, state, stage (double, null every 7th), obstime (date),
 * status (int). Feature i (1-based) lies at (-120 + i/100, 35 + i/200).
 */
export function pointLayer(options: PointLayerOptions = {}): SampleLayer {
  const count = options.count ?? 50;
  const features: SampleFeature[] = [];
  for (let i = 1; i <= count; i++) {
    features.push({
      attributes: {
        objectid: i,
        name: `Gauge ${i}`,
        state: STATES[i % STATES.length],
        stage: i % 7 === 0 ? null : i * 1.5,
        obstime: Date.UTC(2020, 0, 1) + i * DAY,
        status: i % 3,
      },
      geometry: { x: -120 + i / 100, y: 35 + i / 200 },
    });
  }
  return {
    id: 0,
    name: "points",
    type: "Feature Layer",
    geometryType: "esriGeometryPoint",
    wkid: options.wkid ?? 4326,
    fields: [
      field("objectid", "OID"),
      field("name", "String", { length: 50 }),
      field("state", "String", { length: 2 }),
      field("stage", "Double", { nullable: true }),
      field("obstime", "Date", { length: 8 }),
      field("status", "Integer"),
    ],
    objectIdField: "objectid",
    displayField: "name",
    maxRecordCount: options.maxRecordCount ?? 1000,
    servedPageSize: options.servedPageSize,
    supportsPagination: options.supportsPagination ?? true,
    currentVersion: 10.81,
    capabilities: "Query",
    features,
    nextObjectId: count + 1,
  };
}

/** A polygon layer: 1 = square 0..10 with a hole 4..6; 2 = two squares (20..22, 30..32); 3 = square 100..101. */
export function polygonLayer(): SampleLayer {
  const square = (x0: number, y0: number, size: number, clockwise = true): number[][] => {
    const ring = [[x0, y0], [x0, y0 + size], [x0 + size, y0 + size], [x0 + size, y0], [x0, y0]];
    return clockwise ? ring : ring.reverse();
  };
  return {
    id: 0,
    name: "districts",
    type: "Feature Layer",
    geometryType: "esriGeometryPolygon",
    wkid: 4326,
    fields: [field("objectid", "OID"), field("name", "String", { length: 20 }), field("globalid", "GlobalID", { length: 38 })],
    objectIdField: "objectid",
    globalIdField: "globalid",
    displayField: "name",
    maxRecordCount: 1000,
    supportsPagination: true,
    currentVersion: 11.1,
    capabilities: "Query",
    features: [
      { attributes: { objectid: 1, name: "holed", globalid: "{00000000-0000-0000-0000-000000000001}" }, geometry: { rings: [square(0, 0, 10), square(4, 4, 2, false)] } },
      { attributes: { objectid: 2, name: "multi", globalid: "{00000000-0000-0000-0000-000000000002}" }, geometry: { rings: [square(20, 20, 2), square(30, 30, 2)] } },
      { attributes: { objectid: 3, name: "far", globalid: "{00000000-0000-0000-0000-000000000003}" }, geometry: { rings: [square(100, 60, 1)] } },
    ],
    nextObjectId: 4,
  };
}

/** Unwraps an outcome body as a plain record. */
export function bodyOf(outcome: { body: unknown }): Record<string, unknown> {
  return outcome.body as Record<string, unknown>;
}
