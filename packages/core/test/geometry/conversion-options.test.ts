import { describe, expect, it } from "vitest";
import {
  esriFeatureToGeoJSON,
  esriToGeoJSON,
  featureSetToGeoJSON,
  geoJSONFeatureToEsri,
  geoJSONToEsri,
  geoJSONToFeatureSet,
  GeometryError,
  spatialReferenceFromCrs,
} from "../../src/geometry/index.js";

describe("feature conversion options", () => {
  const fields = [
    { name: "FID", type: "esriFieldTypeOID" },
    { name: "seen", type: "esriFieldTypeDate" },
    { name: "count", type: "esriFieldTypeInteger" },
  ];

  it("writes dates as ISO 8601 when asked, and takes the id from the OID field", () => {
    const f = esriFeatureToGeoJSON(
      { attributes: { FID: 9, seen: 1700000000000, count: 1700000000000 }, geometry: { x: 1, y: 2 } },
      { fields, dates: "iso" },
    );
    expect(f).toEqual({
      type: "Feature",
      id: 9,
      geometry: { type: "Point", coordinates: [1, 2] },
      properties: { FID: 9, seen: "2023-11-14T22:13:20.000Z", count: 1700000000000 },
    });
  });

  it("keeps epoch dates by default and null dates as null", () => {
    const fc = featureSetToGeoJSON({ fields, features: [{ attributes: { FID: 1, seen: null, count: 2 } }] }, { dates: "iso" });
    expect(fc.features[0].properties).toEqual({ FID: 1, seen: null, count: 2 });
    expect(fc.features[0].geometry).toBeNull();
    const epoch = featureSetToGeoJSON({ fields, features: [{ attributes: { FID: 1, seen: 5, count: 2 } }] });
    expect(epoch.features[0].properties.seen).toBe(5);
  });

  it("uses the feature set's hasZ/hasM for geometries without flags", () => {
    const fc = featureSetToGeoJSON({ hasM: true, features: [{ attributes: {}, geometry: { paths: [[[0, 0, 5], [1, 1, 6]]] } }] });
    expect(fc.features[0].geometry).toEqual({ type: "LineString", coordinates: [[0, 0], [1, 1]] });
    // Without the set's flag the third value would be read as Z.
    expect(esriToGeoJSON({ paths: [[[0, 0, 5], [1, 1, 6]]] })).toEqual({ type: "LineString", coordinates: [[0, 0, 5], [1, 1, 6]] });
    expect(esriToGeoJSON({ paths: [[[0, 0, 5], [1, 1, 6]]] }, { hasM: true })).toEqual({ type: "LineString", coordinates: [[0, 0], [1, 1]] });
  });

  it("puts the GeoJSON id in a named attribute", () => {
    const e = geoJSONFeatureToEsri({ type: "Feature", id: 4, geometry: null, properties: { a: 1 } }, { idField: "OBJECTID" });
    expect(e).toEqual({ attributes: { a: 1, OBJECTID: 4 } });
  });

  it("gives a feature set the requested spatial reference", () => {
    const fs = geoJSONToFeatureSet(
      { type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "Point", coordinates: [1, 2, 3] }, properties: {} }] },
      { wkid: 3857 },
    );
    expect(fs).toEqual({
      spatialReference: { wkid: 3857 },
      geometryType: "esriGeometryPoint",
      hasZ: true,
      features: [{ attributes: {}, geometry: { x: 1, y: 2, z: 3 } }],
    });
  });

  it("rejects mixed geometry types with a clear error", () => {
    expect(() =>
      geoJSONToFeatureSet({
        type: "FeatureCollection",
        features: [
          { type: "Feature", geometry: { type: "Point", coordinates: [1, 2] }, properties: {} },
          { type: "Feature", geometry: { type: "LineString", coordinates: [[1, 2], [3, 4]] }, properties: {} },
        ],
      }),
    ).toThrow(/Feature 1 has a esriGeometryPolyline geometry/);
    expect(() =>
      geoJSONToEsri({
        type: "GeometryCollection",
        geometries: [
          { type: "Point", coordinates: [1, 2] },
          { type: "LineString", coordinates: [[1, 2], [3, 4]] },
        ],
      }),
    ).toThrow(GeometryError);
    expect(geoJSONToEsri({ type: "GeometryCollection", geometries: [] })).toBeNull();
    expect(() => esriToGeoJSON({ foo: 1 } as never)).toThrow(GeometryError);
  });
});

describe("spatialReferenceFromCrs", () => {
  it("reads the usual spellings", () => {
    const crs = (name: string) => ({ type: "name" as const, properties: { name } });
    expect(spatialReferenceFromCrs(crs("EPSG:4326"))).toEqual({ wkid: 4326 });
    expect(spatialReferenceFromCrs(crs("urn:ogc:def:crs:EPSG::3857"))).toEqual({ wkid: 3857 });
    expect(spatialReferenceFromCrs(crs("urn:ogc:def:crs:EPSG:6.6:26915"))).toEqual({ wkid: 26915 });
    expect(spatialReferenceFromCrs(crs("urn:ogc:def:crs:OGC:1.3:CRS84"))).toEqual({ wkid: 4326 });
    expect(spatialReferenceFromCrs(crs("something else"))).toBeUndefined();
    expect(spatialReferenceFromCrs(undefined)).toBeUndefined();
  });
});
