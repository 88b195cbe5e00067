/** The layer `queryRelatedRecords` operation. */
import type { SampleFeature, SampleLayer, SampleService } from "../data/types.js";
import { invalidParameter, QueryError } from "./errors.js";
import { fieldIndexOf } from "./fields.js";
import { esriFeatureWriter, type WriterSettings } from "./feature-writer.js";
import { layerWkid } from "./geometry/spatial-filter.js";
import { fieldJson } from "./output/fields-json.js";
import { resolveOutFields } from "./out-fields.js";
import { guard, type QueryOutcome } from "./outcome.js";
import { featureComparator, parseLayerOrderBy } from "./order-by.js";
import { QueryParams } from "./params.js";
import { responseFormat } from "./response-format.js";
import { addObjectIds, addWhere, emptyFilter } from "./row-filter.js";
import { collectAll, select } from "./selection.js";
import { spatialReferenceJson, wkidFromValue } from "./spatial-reference.js";

/** Runs queryRelatedRecords for `layer` of `service`; errors come back as ArcGIS error bodies. */
export function executeRelatedQuery(service: SampleService, layer: SampleLayer, rawParams: Record<string, string>): QueryOutcome {
  return guard(() => {
    const params = new QueryParams(rawParams);
    responseFormat(params, false);
    const relationshipId = params.int("relationshipId");
    if (relationshipId === undefined) throw invalidParameter("relationshipId", "a relationship id is required");
    const relationship = layer.relationships?.find((r) => r.id === relationshipId);
    if (!relationship) {
      throw new QueryError([`Invalid or missing input parameters.`, `Relationship ${relationshipId} does not exist on layer ${layer.id}.`]);
    }
    const related = service.layers.find((l) => l.id === relationship.relatedTableId);
    if (!related) throw new QueryError([`Related table ${relationship.relatedTableId} does not exist in service ${service.name}.`]);
    const objectIds = params.ids("objectIds");
    if (objectIds === undefined) throw invalidParameter("objectIds", "object ids are required");

    const keyField = fieldIndexOf(layer).find(relationship.keyField)?.name ?? relationship.keyField;
    const relatedFields = fieldIndexOf(related);
    const relatedKey = relatedFields.find(relationship.relatedKeyField)?.name ?? relationship.relatedKeyField;

    const sources = collectAll(select(layer, addObjectIds(emptyFilter(), objectIds), []));
    const candidates = collectAll(select(related, addWhere(emptyFilter(), related, params.text("definitionExpression")), []));
    const order = parseLayerOrderBy(params.text("orderByFields"), relatedFields);
    if (order.length) candidates.sort(featureComparator(order, related.objectIdField));
    const byKey = new Map<unknown, SampleFeature[]>();
    for (const candidate of candidates) {
      const key = candidate.attributes[relatedKey];
      if (key === null || key === undefined) continue;
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push(candidate);
    }

    const groupsFor = (source: SampleFeature): SampleFeature[] => {
      const key = source.attributes[keyField];
      return key === null || key === undefined ? [] : (byKey.get(key) ?? []);
    };
    const sourceOid = (f: SampleFeature): number => f.attributes[layer.objectIdField] as number;

    if (params.bool("returnCountOnly", false)) {
      return {
        status: 200,
        body: { relatedRecordGroups: sources.map((s) => ({ objectId: sourceOid(s), count: groupsFor(s).length })).filter((g) => g.count > 0) },
      };
    }

    const out = resolveOutFields(related, relatedFields, params.list("outFields"), "all");
    const outSR = params.text("outSR");
    const settings: WriterSettings = {
      fields: out.fields,
      allFields: out.all,
      returnGeometry: params.bool("returnGeometry", true) && related.geometryType !== undefined,
      outWkid: outSR === undefined ? layerWkid(related) : wkidFromValue(outSR, "outSR"),
      precision: params.int("geometryPrecision") ?? null,
      z: related.hasZ === true && params.bool("returnZ", false),
      m: related.hasM === true && params.bool("returnM", false),
    };
    const write = esriFeatureWriter(related, settings);
    const body: Record<string, unknown> = {};
    if (related.geometryType) {
      body.geometryType = related.geometryType;
      body.spatialReference = spatialReferenceJson(settings.outWkid);
    }
    body.fields = out.fields.map(fieldJson);
    body.relatedRecordGroups = sources
      .map((source) => ({ objectId: sourceOid(source), relatedRecords: groupsFor(source).map(write) }))
      .filter((group) => group.relatedRecords.length > 0);
    return { status: 200, body };
  });
}
