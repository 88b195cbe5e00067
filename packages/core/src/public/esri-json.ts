/** The public names of `@arcrest/core`: Esri JSON. Listed one by one; what is not here is internal. */
export type {
  SpatialReference,
  GeometryType,
  Position,
  EsriPoint,
  EsriMultipoint,
  EsriPolyline,
  EsriPolygon,
  EsriEnvelope,
  EsriGeometry,
  AttributeValue,
  EsriFeature,
  FieldType,
  CodedValue,
  Domain,
  Field,
  FeatureSet,
} from "../types/esri-json.js";
