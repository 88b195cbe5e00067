/** Turns selected features into Esri JSON or GeoJSON feature objects. */
import type { SampleFeature, SampleField, SampleGeometry, SampleLayer } from "../data/types.js";
import { type EsriGeometryJson, esriGeometryWriter } from "./output/esri-geometry.js";
import { type GeoJsonGeometry, toGeoJsonGeometry } from "./output/geojson-geometry.js";
import { transformBetween } from "./projection.js";
import type { KnownWkid } from "./spatial-reference.js";
import { layerWkid } from "./geometry/spatial-filter.js";

type Attributes = Record<string, string | number | boolean | null>;

/** Output settings shared by the Esri JSON and GeoJSON writers. */
export interface WriterSettings {
  fields: SampleField[];
  /** All attribute fields requested: stored attribute records can be passed through. */
  allFields: boolean;
  returnGeometry: boolean;
  outWkid: KnownWkid;
  precision: number | null;
  z: boolean;
  m: boolean;
}

function attributeWriter(settings: WriterSettings): (f: SampleFeature) => Attributes {
  const keys = settings.fields.map((f) => f.name);
  if (settings.allFields) {
    // Pass the stored record through when it holds exactly the layer's fields (the usual case).
    return (feature) => {
      const attributes = feature.attributes;
      let count = 0;
      for (const key in attributes) if (key in attributes) count++;
      if (count === keys.length) return attributes;
      const out: Attributes = {};
      for (const key of keys) out[key] = attributes[key] ?? null;
      return out;
    };
  }
  return (feature) => {
    const out: Attributes = {};
    for (const key of keys) out[key] = feature.attributes[key] ?? null;
    return out;
  };
}

/** A writer of Esri JSON features. */
export function esriFeatureWriter(layer: SampleLayer, settings: WriterSettings): (f: SampleFeature) => { attributes: Attributes; geometry?: EsriGeometryJson } {
  const attributes = attributeWriter(settings);
  if (!settings.returnGeometry || !layer.geometryType) return (f) => ({ attributes: attributes(f) });
  const geometry = esriGeometryWriter(layer, {
    transform: transformBetween(layerWkid(layer), settings.outWkid),
    precision: settings.precision,
    z: settings.z,
    m: settings.m,
  });
  return (f) => (f.geometry ? { attributes: attributes(f), geometry: geometry(f.geometry) } : { attributes: attributes(f) });
}

/** A GeoJSON feature. */
export interface GeoJsonFeature {
  type: "Feature";
  id?: number;
  geometry: GeoJsonGeometry | null;
  properties: Attributes;
}

/** A writer of GeoJSON features (geometry in outWkid, which is 4326 unless asked otherwise). */
export function geoJsonFeatureWriter(layer: SampleLayer, settings: WriterSettings): (f: SampleFeature) => GeoJsonFeature {
  const attributes = attributeWriter(settings);
  const oidField = layer.objectIdField;
  const write =
    settings.returnGeometry && layer.geometryType
      ? esriGeometryWriter(layer, {
          transform: transformBetween(layerWkid(layer), settings.outWkid),
          precision: settings.precision,
          z: settings.z,
          m: false,
        })
      : null;
  return (f) => {
    const oid = f.attributes[oidField];
    const geometry = write && f.geometry ? toGeoJsonGeometry(write(f.geometry) as SampleGeometry) : null;
    return typeof oid === "number"
      ? { type: "Feature", id: oid, geometry, properties: attributes(f) }
      : { type: "Feature", geometry, properties: attributes(f) };
  };
}
