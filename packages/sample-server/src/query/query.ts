/** The layer `query` operation. */
import type { SampleFeature, SampleLayer } from "../data/types.js";
import { invalidQuery } from "./errors.js";
import { fieldIndexOf } from "./fields.js";
import { type WriterSettings, esriFeatureWriter, geoJsonFeatureWriter } from "./feature-writer.js";
import { layerWkid } from "./geometry/spatial-filter.js";
import { emptyBox, extendBox, shapeOf } from "./geometry/shape.js";
import { fieldJson } from "./output/fields-json.js";
import { resolveOutFields } from "./out-fields.js";
import { guard, type QueryOutcome } from "./outcome.js";
import { parseLayerOrderBy, recordComparator, type OrderTerm } from "./order-by.js";
import { QueryParams } from "./params.js";
import { transformBetween } from "./projection.js";
import { responseFormat } from "./response-format.js";
import { queryFilter } from "./row-filter.js";
import { collectAll, countSelected, forEachSelected, page, select, selectedObjectIds, type Selection } from "./selection.js";
import { type KnownWkid, spatialReferenceJson, wkidFromValue } from "./spatial-reference.js";
import { statisticsBody } from "./statistics.js";

/** Whether every requested statistic is on the object id field (or a plain count), with no grouping. */
function onlyObjectIdStatistics(raw: unknown, groupBy: string[] | undefined, oidField: string): boolean {
  if (!Array.isArray(raw) || raw.length === 0 || (groupBy && groupBy.length > 0)) return false;
  return raw.every((entry: unknown) => {
    const e = (entry ?? {}) as { onStatisticField?: unknown; statisticType?: unknown };
    const field = typeof e.onStatisticField === "string" ? e.onStatisticField.trim().toLowerCase() : "";
    const type = typeof e.statisticType === "string" ? e.statisticType.toLowerCase() : "";
    return ["count", "min", "max"].includes(type) && (field === oidField.toLowerCase() || (type === "count" && (field === "*" || field === "")));
  });
}

/** Rows a layer really serves per request: maxRecordCount, or less when the layer lies about it. */
export function pageCap(layer: SampleLayer): number {
  const served = layer.servedPageSize;
  return served !== undefined && served > 0 ? Math.min(served, layer.maxRecordCount) : layer.maxRecordCount;
}

interface Paging {
  offset: number;
  limit: number;
  /** Whether the client paged explicitly (then exceededTransferLimit is written even when false). */
  explicit: boolean;
}

function paging(layer: SampleLayer, params: QueryParams): Paging {
  const cap = pageCap(layer);
  const offsetParam = params.int("resultOffset");
  const countParam = params.int("resultRecordCount");
  if (!layer.supportsPagination) return { offset: 0, limit: cap, explicit: false };
  const requested = countParam !== undefined && countParam > 0 ? countParam : cap;
  return {
    offset: offsetParam ?? 0,
    limit: Math.min(requested, cap),
    explicit: offsetParam !== undefined || countParam !== undefined,
  };
}

function outWkidOf(layer: SampleLayer, params: QueryParams): KnownWkid {
  const outSR = params.text("outSR");
  return outSR === undefined ? layerWkid(layer) : wkidFromValue(outSR, "outSR");
}

function precisionOf(params: QueryParams): number | null {
  const value = params.int("geometryPrecision");
  return value === undefined ? null : Math.min(value, 17);
}

/** Runs a layer query; errors come back as ArcGIS error bodies. */
export function executeQuery(layer: SampleLayer, rawParams: Record<string, string>): QueryOutcome {
  return guard(() => runQuery(layer, new QueryParams(rawParams)));
}

function runQuery(layer: SampleLayer, params: QueryParams): QueryOutcome {
  const format = responseFormat(params, true);
  const fields = fieldIndexOf(layer);
  const filter = queryFilter(layer, params);
  const orderText = params.text("orderByFields");

  const outStatistics = params.json("outStatistics");
  if (outStatistics !== undefined) {
    const groupBy = params.list("groupByFieldsForStatistics");
    const selection = select(layer, filter, []);
    // Statistics of the object id alone come from the id index, as a database answers them,
    // without building every feature (clients plan their paging with COUNT/MIN/MAX of the id).
    const oidAt = selection.oidAt;
    const fromIndex = onlyObjectIdStatistics(outStatistics, groupBy, layer.objectIdField) && !selection.test && oidAt;
    const rows = fromIndex
      ? { count: selection.end - selection.start, min: selection.end > selection.start ? oidAt(selection.start) : null, max: selection.end > selection.start ? oidAt(selection.end - 1) : null }
      : collectAll(selection);
    return json(statisticsBody(rows, outStatistics, groupBy, orderText, fields));
  }

  const returnCountOnly = params.bool("returnCountOnly", false);
  const returnExtentOnly = params.bool("returnExtentOnly", false);
  const returnIdsOnly = params.bool("returnIdsOnly", false);
  const distinct = params.bool("returnDistinctValues", false);
  const order = parseLayerOrderBy(orderText, fields);

  if (distinct) {
    const out = resolveOutFields(layer, fields, params.list("outFields"), "oid");
    return distinctValues(layer, params, select(layer, filter, []), out.fields, order, returnCountOnly, format);
  }
  if (returnCountOnly || returnExtentOnly) {
    const selection = select(layer, filter, []);
    const body: Record<string, unknown> = {};
    if (returnCountOnly) body.count = countSelected(selection);
    if (returnExtentOnly) body.extent = extentOf(layer, selection, outWkidOf(layer, params));
    return json(body);
  }
  if (returnIdsOnly) {
    const objectIds = selectedObjectIds(select(layer, filter, order), layer.objectIdField);
    return json({ objectIdFieldName: layer.objectIdField, objectIds });
  }

  const out = resolveOutFields(layer, fields, params.list("outFields"), "oid");
  const returnGeometry = params.bool("returnGeometry", true) && layer.geometryType !== undefined;
  const outWkid = format === "geojson" && params.text("outSR") === undefined ? 4326 : outWkidOf(layer, params);
  const settings: WriterSettings = {
    fields: out.fields,
    allFields: out.all,
    returnGeometry,
    outWkid,
    precision: precisionOf(params),
    z: layer.hasZ === true && params.bool("returnZ", false),
    m: layer.hasM === true && params.bool("returnM", false),
  };
  const { offset, limit, explicit } = paging(layer, params);
  const { rows, more } = page(select(layer, filter, order), offset, limit);
  const delayMs = layer.offsetCostMsPer1000 && offset > 0 ? (layer.offsetCostMsPer1000 * offset) / 1000 : undefined;
  const exceeded = more ? true : explicit ? false : undefined;

  const outcome =
    format === "geojson"
      ? geoJsonOutcome(layer, settings, rows, more)
      : json(esriFeatureSet(layer, settings, rows.map(esriFeatureWriter(layer, settings)), exceeded));
  if (delayMs !== undefined) outcome.delayMs = delayMs;
  return outcome;
}

function json(body: unknown): QueryOutcome {
  return { status: 200, body };
}

/** The Esri JSON feature set envelope around already written features. */
export function esriFeatureSet(layer: SampleLayer, settings: WriterSettings, features: unknown[], exceeded: boolean | undefined): Record<string, unknown> {
  const fieldAliases: Record<string, string> = {};
  for (const f of settings.fields) fieldAliases[f.name] = f.alias ?? f.name;
  const body: Record<string, unknown> = {
    displayFieldName: layer.displayField ?? "",
    fieldAliases,
    objectIdFieldName: layer.objectIdField,
    uniqueIdField: { name: layer.objectIdField, isSystemMaintained: true },
    globalIdFieldName: layer.globalIdField ?? "",
  };
  if (layer.geometryType) {
    body.geometryType = layer.geometryType;
    body.spatialReference = spatialReferenceJson(settings.outWkid);
    if (settings.z) body.hasZ = true;
    if (settings.m) body.hasM = true;
  }
  body.fields = settings.fields.map(fieldJson);
  body.features = features;
  if (exceeded !== undefined) body.exceededTransferLimit = exceeded;
  return body;
}

function geoJsonOutcome(layer: SampleLayer, settings: WriterSettings, rows: SampleFeature[], more: boolean): QueryOutcome {
  const body: Record<string, unknown> = { type: "FeatureCollection" };
  if (settings.outWkid !== 4326) body.crs = { type: "name", properties: { name: `EPSG:${settings.outWkid}` } };
  if (more) body.properties = { exceededTransferLimit: true };
  body.features = rows.map(geoJsonFeatureWriter(layer, settings));
  return { status: 200, body, contentType: "application/geo+json; charset=utf-8" };
}

function extentOf(layer: SampleLayer, selection: Selection, outWkid: KnownWkid): Record<string, unknown> {
  const box = emptyBox();
  const transform = transformBetween(layerWkid(layer), outWkid);
  forEachSelected(selection, (f) => {
    const shape = shapeOf(f.geometry);
    if (!shape) return;
    const corners = transform
      ? [transform(shape.box.xmin, shape.box.ymin), transform(shape.box.xmax, shape.box.ymax)]
      : [[shape.box.xmin, shape.box.ymin], [shape.box.xmax, shape.box.ymax]];
    for (const [x, y] of corners) extendBox(box, x, y);
  });
  const sr = spatialReferenceJson(outWkid);
  if (box.xmin > box.xmax) return { xmin: "NaN", ymin: "NaN", xmax: "NaN", ymax: "NaN", spatialReference: sr };
  return { ...box, spatialReference: sr };
}

function distinctValues(
  layer: SampleLayer,
  params: QueryParams,
  selection: Selection,
  fields: WriterSettings["fields"],
  order: OrderTerm[],
  countOnly: boolean,
  format: "json" | "pjson" | "geojson",
): QueryOutcome {
  if (fields.length === 0) throw invalidQuery("'returnDistinctValues' needs outFields");
  const seen = new Set<string>();
  const records: Record<string, string | number | boolean | null>[] = [];
  forEachSelected(selection, (f) => {
    const values = fields.map((field) => f.attributes[field.name] ?? null);
    const key = JSON.stringify(values);
    if (seen.has(key)) return;
    seen.add(key);
    const record: Record<string, string | number | boolean | null> = {};
    fields.forEach((field, i) => (record[field.name] = values[i]));
    records.push(record);
  });
  if (countOnly) return json({ count: records.length });
  const terms = order.length ? order : fields.map((f) => ({ key: f.name, descending: false }));
  records.sort(recordComparator(terms));
  const { offset, limit, explicit } = paging(layer, params);
  const slice = records.slice(offset, offset + limit);
  const more = offset + limit < records.length;
  const settings: WriterSettings = {
    fields,
    allFields: false,
    returnGeometry: false,
    outWkid: layerWkid(layer),
    precision: null,
    z: false,
    m: false,
  };
  if (format === "geojson") {
    const body: Record<string, unknown> = { type: "FeatureCollection" };
    if (more) body.properties = { exceededTransferLimit: true };
    body.features = slice.map((properties) => ({ type: "Feature", geometry: null, properties }));
    return { status: 200, body, contentType: "application/geo+json; charset=utf-8" };
  }
  return json(esriFeatureSet(layer, settings, slice.map((attributes) => ({ attributes })), more ? true : explicit ? false : undefined));
}
