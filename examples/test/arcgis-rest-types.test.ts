/**
 * An app that already uses arcgis-rest-js passes its objects, typed with `@esri/arcgis-rest-request`,
 * to arcrest functions and gets arcrest results back as those types: no casts anywhere in this file
 * (the examples typecheck compiles it; vitest runs the calls against the sample server).
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  IExtent,
  IFeature,
  IFeatureSet,
  IField,
  IGeometry,
  IMultipoint,
  IPoint,
  IPolygon,
  IPolyline,
  ISpatialReference,
  Position,
} from "@esri/arcgis-rest-request";
import {
  Geometry,
  esriToGeoJSON,
  type EsriEnvelope,
  type EsriFeature,
  type EsriGeometry,
  type EsriPoint,
  type EsriPolygon,
  type Field,
  type SpatialReference,
} from "@arcrest/core";
import { project } from "@arcrest/core/projection";
import { queryFeatures, type Feature } from "@arcrest/query";
import { addFeatures } from "@arcrest/feature-edit";
import { exportFeatureSet, type ExportableFeatureSet } from "@arcrest/export/node";
import { createDefaultDataset, inspectionsLayer, startSampleServer, type SampleServer } from "@arcrest/sample-server";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";

let server: SampleServer;
let outDir: string;

beforeAll(async () => {
  const dataset = createDefaultDataset();
  dataset.folders.push("Edits");
  dataset.services.push({ name: "Edits/Inspections", type: "FeatureServer", currentVersion: 10.81, layers: [inspectionsLayer({ maxRecordCount: 2000 })] });
  server = await startSampleServer({ port: 0, dataset });
  outDir = await mkdtemp(join(tmpdir(), "arcrest-rest-types-"));
});
afterAll(async () => {
  await server.close();
  await rm(outDir, { recursive: true, force: true });
});

// Objects as an arcgis-rest-js app has them.
const wgs84: ISpatialReference = { wkid: 4326, latestWkid: 4326 };
const ring: Position[] = [[-122.6, 37.4], [-122.6, 38.0], [-122.0, 38.0], [-122.0, 37.4], [-122.6, 37.4]];
const area: IPolygon = { rings: [ring], spatialReference: wgs84 };
const spot: IPoint = { x: -122.4, y: 37.7, z: 12, spatialReference: wgs84 };
const line: IPolyline = { paths: [[[-122.5, 37.5], [-122.1, 37.9, 3, 1]]], hasZ: true, hasM: true, spatialReference: wgs84 };
const cloud: IMultipoint = { points: [[-122.5, 37.5], [-122.1, 37.9]], spatialReference: wgs84 };
const box: IExtent = { xmin: -122.6, ymin: 37.4, xmax: -122.0, ymax: 38.0, spatialReference: wgs84 };
const fields: IField[] = [{ name: "name", type: "esriFieldTypeString", alias: "Name", length: 50 }];
const restFeatures: IFeature[] = [
  { attributes: { name: "from-rest-js", score: 4 }, geometry: spot },
  { attributes: { name: "second", score: 1 }, geometry: { x: -122.3, y: 37.8, spatialReference: wgs84 } },
];
const restFeatureSet: IFeatureSet = { geometryType: "esriGeometryPoint", spatialReference: wgs84, fields, features: restFeatures };

describe("@esri/arcgis-rest-request objects into arcrest", () => {
  it("core's Esri JSON names are arcgis-rest-request's (or extend them)", () => {
    expectTypeOf<SpatialReference>().toEqualTypeOf<ISpatialReference>();
    expectTypeOf<EsriPolygon>().toEqualTypeOf<IPolygon>();
    expectTypeOf<EsriPoint>().toExtend<IPoint>();
    expectTypeOf<IPoint>().toExtend<EsriPoint>();
    expectTypeOf<EsriEnvelope>().toExtend<IExtent>();
    expectTypeOf<IExtent>().toExtend<EsriEnvelope>();
    expectTypeOf<IField>().toExtend<Field>();
    expectTypeOf<IFeatureSet["features"][number]["attributes"]>().toExtend<EsriFeature<Record<string, unknown>>["attributes"]>();
    expectTypeOf<EsriGeometry>().toExtend<IGeometry>();
  });

  it("Geometry, esriToGeoJSON and project take them as they are", () => {
    expect(new Geometry(area).geometryType).toBe("esriGeometryPolygon");
    expect(new Geometry(spot).geometryType).toBe("esriGeometryPoint");
    expect(new Geometry(line).geometryType).toBe("esriGeometryPolyline");
    expect(new Geometry(cloud).geometryType).toBe("esriGeometryMultipoint");
    expect(new Geometry(box).geometryType).toBe("esriGeometryEnvelope");
    expect(new Geometry(restFeatures[0]).geometryType).toBe("esriGeometryPoint");
    expect(new Geometry(restFeatureSet).geometryType).toBe("esriGeometryPoint");
    expect(esriToGeoJSON(line)?.type).toBe("LineString");
    const projected: IGeometry = project(area, null, 3857);
    expect(projected.spatialReference?.wkid).toBe(3857);
  });

  it("queryFeatures filters by an IPolygon and its results come back as arcgis-rest-request types", async () => {
    const url = `${server.restUrl}/Boundaries/Districts/MapServer/0`;
    const result = await queryFeatures(url, { geometry: area, inSR: wgs84, outSR: wgs84, outFields: ["objectid", "name"] });
    expect(result.features.length).toBeGreaterThan(0);

    // Back: spatial reference, geometries, and features once their geometry is narrowed.
    const sr: ISpatialReference | undefined = result.spatialReference;
    expect(sr?.wkid).toBe(4326);
    const polygons: IPolygon[] = [];
    const asRest: IFeature[] = [];
    for (const f of result.features) {
      const g = f.geometry;
      if (g && "rings" in g) {
        polygons.push(g);
        asRest.push({ attributes: f.attributes, geometry: g });
      }
    }
    expect(polygons).toHaveLength(result.features.length);
    const firstRing: Position[] = polygons[0].rings[0];
    expect(firstRing.length).toBeGreaterThanOrEqual(4);
    expect(asRest[0].attributes.name).toBe(result.features[0].attributes.name);

    // A Geometry's JSON, its envelope and envelope JSON are IGeometry / IExtent.
    const g = new Geometry(result.features[0], { spatialReference: sr });
    const json: IGeometry = g.toEsriJSON();
    const extent: IExtent = g.envelope();
    expect(json.spatialReference?.wkid).toBe(4326);
    expect(extent.xmin).toBeLessThan(extent.xmax);
    expectTypeOf<Feature["attributes"]>().toExtend<IFeature["attributes"]>();
  });

  it("addFeatures takes IFeature[] (arcgis-rest-js query results) and exportFeatureSet an IFeatureSet", async () => {
    const url = `${server.restUrl}/Edits/Inspections/FeatureServer/0`;
    const added = await addFeatures(url, restFeatures);
    expect(added.addResults.map((r) => r.status)).toEqual(["applied", "applied"]);

    const shp = join(outDir, "from-rest.shp");
    const written = await exportFeatureSet(restFeatureSet, shp);
    expect(written.featureCount).toBe(2);
    const info = execFileSync("ogrinfo", ["-so", "-al", shp], { encoding: "utf8" });
    expect(info).toMatch(/Feature Count: 2/);
    expect(info).toMatch(/Geometry: (3D )?Point/);

    expectTypeOf<IFeatureSet>().toExtend<ExportableFeatureSet>();
  });
});
