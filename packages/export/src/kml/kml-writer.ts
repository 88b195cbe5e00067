import { TextChunker } from "../bytes/streams.js";
import { ExportValidationError } from "../errors.js";
import { wgs84Transform } from "../geometry/wgs84.js";
import { geoJSONConverter } from "../geometry/to-geojson.js";
import { prepareSource } from "../input/prepare-source.js";
import type { FeatureSource, WriterOptions } from "../types.js";
import type { Column } from "../values/columns.js";
import { plainValue } from "../values/plain-value.js";
import { zipStream } from "../zip/zip-stream.js";
import { kmlGeometry } from "./kml-geometry.js";
import { escapeXml } from "./xml.js";

/** Options of {@link writeKML} and {@link writeKMZ}. */
export interface KmlOptions extends WriterOptions {
  /** Document and folder name (default `"export"`). */
  name?: string;
  /** Attribute shown as each placemark's `<name>` (default: a field called `name`, if any). */
  nameField?: string;
  /** Features read ahead to infer what the source leaves open (default 1000). */
  lookahead?: number;
}

function schemaType(column: Column): string {
  switch (column.kind) {
    case "integer":
      return column.bits === 64 ? "double" : "int";
    case "double":
      return "double";
    case "boolean":
      return "bool";
    default:
      return "string";
  }
}

/** An id that is a valid XML NCName. */
function xmlId(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_.-]/g, "_");
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

/**
 * Streams features as KML 2.2: one Placemark per feature with its attributes in
 * typed ExtendedData (a Schema with SimpleFields, as Google Earth and GDAL read
 * them), coordinates in WGS84 (projected when the source is not), polygons with
 * their inner rings, multi-part geometries as MultiGeometry. Yields UTF-8 chunks.
 */
export async function* writeKML(source: FeatureSource, options: KmlOptions = {}): AsyncGenerator<Uint8Array> {
  const prepared = await prepareSource(source, {
    ...(options.lookahead !== undefined ? { lookahead: options.lookahead } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (options.nameField !== undefined && source.fields && !source.fields.some((f) => f.name === options.nameField)) {
    throw new ExportValidationError(`nameField ${options.nameField} is not one of the fields`, "nameField");
  }
  // A field called "name" is what KML readers show (and GDAL reads <name> into it).
  const nameField = options.nameField ?? prepared.columns.find((c) => c.name.toLowerCase() === "name")?.name;
  const toGeoJSON = geoJSONConverter(
    { hasZ: prepared.hasZ, hasM: prepared.hasM },
    await wgs84Transform(prepared.spatialReference, prepared),
    options.onWarning,
  );
  const name = escapeXml(options.name ?? "export");
  const schemaId = xmlId(options.name ?? "export");
  const columns = prepared.columns;

  const chunker = new TextChunker();
  chunker.push('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n');
  chunker.push(`<name>${name}</name>\n<Schema name="${escapeXml(schemaId)}" id="${escapeXml(schemaId)}">\n`);
  for (const column of columns) chunker.push(`<SimpleField name="${escapeXml(column.name)}" type="${schemaType(column)}"/>\n`);
  // Placemarks sit in the Document itself: GDAL's LIBKML driver does not find
  // a Document-level Schema for placemarks inside a Folder of a KMZ.
  chunker.push("</Schema>\n");

  // Markup that is the same for every placemark, escaped once.
  const schemaData = `<ExtendedData><SchemaData schemaUrl="#${escapeXml(schemaId)}">`;
  const openTags = columns.map((column) => `<SimpleData name="${escapeXml(column.name)}">`);
  let index = 0;
  for await (const feature of prepared.features) {
    let text = "<Placemark>";
    if (nameField !== undefined) {
      const label = feature.attributes?.[nameField];
      if (label !== null && label !== undefined) text += `<name>${escapeXml(String(label))}</name>`;
    }
    text += schemaData;
    for (let i = 0; i < columns.length; i++) {
      const value = plainValue(columns[i], feature.attributes);
      if (value !== null) text += `${openTags[i]}${typeof value === "number" ? value : escapeXml(String(value))}</SimpleData>`;
    }
    text += "</SchemaData></ExtendedData>";
    text += kmlGeometry(toGeoJSON(feature.geometry, index++));
    const chunk = chunker.push(`${text}</Placemark>\n`);
    if (chunk) yield chunk;
  }
  chunker.push("</Document>\n</kml>\n");
  yield chunker.flush();
}

/** Streams features as KMZ: the KML of {@link writeKML} zipped as `doc.kml`. */
export function writeKMZ(source: FeatureSource, options: KmlOptions = {}): AsyncGenerator<Uint8Array> {
  return zipStream([{ name: "doc.kml", data: writeKML(source, options) }]);
}
