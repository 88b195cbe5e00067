import { join, relative } from "node:path";
import { fetchLayerInfo, LayerMetadata, ValidationError, type CallOptions, type Field } from "@arcrest/core";
import { writeFileAtomic } from "@arcrest/core/node";
import { safeFileName } from "@arcrest/core/internal";
import { request, type EsriFeature } from "@arcrest/core";
import { exportFeatureSet, type ExportableFeatureSet } from "./export-feature-set.js";
import type { ExportFileOptions, ExportResult } from "./export-features.js";
import { writeGeoPackageFile } from "./geopackage-file.js";

/** An attachment of a replica layer: downloadable by `url` or embedded as base64 `data`. */
export interface ReplicaAttachmentData {
  id: number;
  /** GlobalID of the feature it belongs to. */
  parentGlobalId?: string | undefined;
  /** Object id of the feature it belongs to, when the server says. */
  parentObjectId?: number | undefined;
  name: string;
  url?: string | undefined;
  data?: string | undefined;
}

/**
 * What {@link exportReplica} needs of a JSON replica: the service it came from and each
 * layer's features and attachments (`@arcrest/feature-edit`'s `Replica` has this shape).
 */
export interface ReplicaData {
  serviceUrl: string;
  /** The replica's name: the GeoPackage's file name (default: the service's name). */
  replicaName?: string | undefined;
  layers: { id: number; features: EsriFeature<Record<string, unknown>>[]; attachments: ReplicaAttachmentData[] }[];
}

/** Options of {@link exportReplica}. */
export interface ExportReplicaOptions extends CallOptions, Pick<ExportFileOptions, "overwrite" | "shapefile" | "csv" | "kml" | "geojson"> {
  /**
   * File extension of each layer's file (format): `.geojson` (default), `.shp`, `.zip`, `.kml`, `.kmz`,
   * `.csv`, `.json`; or `.gpkg`: one GeoPackage for the whole replica, `<replica name>.gpkg`, with a
   * table per layer named after it (what a file geodatabase is to the seed's `exportReplica`).
   */
  extension?: string;
  /** Name of the attribute listing a feature's attachment files; default `attachments`. */
  attachmentField?: string;
  /** Attachment downloads in flight at once; default 4. */
  concurrency?: number;
}

/** What {@link exportReplica} wrote for one layer. */
export interface ExportedReplicaLayer {
  layerId: number;
  name: string;
  /** The layer's file (the main file first; with `.gpkg`, the replica's GeoPackage) and what the writer reported. */
  result: ExportResult;
  /** With `.gpkg`: the layer's table in the GeoPackage. */
  table?: string;
  /** Attachment files written, relative to the folder. */
  attachments: string[];
}

/** A server-sent name made safe as one file name inside the folder (see `safeFileName`), spaces as `_`. */
function safeName(name: string, fallback: string): string {
  return safeFileName(name.replace(/\s+/g, "_"), fallback);
}

async function attachmentBytes(attachment: ReplicaAttachmentData, call: CallOptions): Promise<Uint8Array> {
  if (attachment.data) return new Uint8Array(Buffer.from(attachment.data, "base64"));
  if (!attachment.url) throw new ValidationError("replica", `attachment ${attachment.id} has neither a url nor data`);
  const response = await request(attachment.url, { ...call, rawResponse: true, kind: "read", params: { f: null } });
  return new Uint8Array(await response.arrayBuffer());
}

/** A replica layer ready to write: its name, its features with their attachment paths, and what was downloaded. */
interface ReplicaLayerOut {
  layerId: number;
  name: string;
  featureSet: ExportableFeatureSet;
  attachments: string[];
}

/** Downloads a layer's attachments beside its file, grouped by feature; the relative paths per parent feature. */
async function downloadAttachments(
  layer: ReplicaData["layers"][number],
  folder: string,
  name: string,
  options: ExportReplicaOptions,
  call: CallOptions,
): Promise<{ byParent: Map<string, string[]>; written: string[] }> {
  const byParent = new Map<string, string[]>();
  const written: string[] = [];
  const jobs = layer.attachments.map((a) => {
    const parent = a.parentGlobalId ?? (a.parentObjectId !== undefined ? String(a.parentObjectId) : "unknown");
    const path = join(folder, `${name}_attachments`, safeName(parent.replace(/[{}]/g, ""), "unknown"), `${a.id}-${safeName(a.name, "attachment")}`);
    return { a, parent, path };
  });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++];
      await writeFileAtomic(job.path, await attachmentBytes(job.a, call));
      const rel = relative(folder, job.path).split("\\").join("/");
      written.push(rel);
      byParent.set(job.parent, [...(byParent.get(job.parent) ?? []), rel]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, options.concurrency ?? 4), jobs.length) }, worker));
  return { byParent, written: written.sort() };
}

/** Reads a layer's metadata, downloads its attachments and lists them on its features. */
async function prepareLayer(replica: ReplicaData, layer: ReplicaData["layers"][number], folder: string, options: ExportReplicaOptions, call: CallOptions): Promise<ReplicaLayerOut> {
  const field = options.attachmentField ?? "attachments";
  const url = `${replica.serviceUrl}/${layer.id}`;
  const meta = new LayerMetadata(url, await fetchLayerInfo(url, call));
  const name = safeName(meta.name, `layer_${layer.id}`);
  const { byParent, written } = await downloadAttachments(layer, folder, name, options, call);
  const gidField = meta.globalIdField;
  const oidField = meta.objectIdField;
  const hasAttachments = layer.attachments.length > 0;
  const features = layer.features.map((f) => {
    if (!hasAttachments) return f;
    const gid = gidField ? f.attributes[gidField] : undefined;
    const oid = oidField ? f.attributes[oidField] : undefined;
    const files = (typeof gid === "string" ? byParent.get(gid) : undefined) ?? (oid !== undefined ? byParent.get(String(oid)) : undefined) ?? [];
    return { ...f, attributes: { ...f.attributes, [field]: files.sort().join(";") } };
  });
  const fields: Field[] = [
    ...meta.fields.filter((f) => f.type !== "esriFieldTypeGeometry"),
    ...(hasAttachments ? [{ name: field, type: "esriFieldTypeString", alias: field, length: 254 } as Field] : []),
  ];
  const featureSet: ExportableFeatureSet = {
    features,
    fields,
    ...(meta.geometryType ? { geometryType: meta.geometryType } : {}),
    ...(meta.spatialReference ? { spatialReference: meta.spatialReference } : {}),
  };
  return { layerId: layer.id, name, featureSet, attachments: written };
}

/** The replica's GeoPackage name: its replica name, else its service's name. */
function geoPackageName(replica: ReplicaData): string {
  const service = /\/([^/]+)\/(?:FeatureServer|MapServer)\/?$/i.exec(replica.serviceUrl)?.[1];
  return safeName(replica.replicaName || service || "replica", "replica");
}

/**
 * Writes each layer of a JSON replica to a file in `folder` (`<layer name>.geojson` by default,
 * through `@arcrest/export`), or all of them to one GeoPackage (`extension: ".gpkg"`), with each
 * layer's attachments downloaded beside it (`<layer name>_attachments/<feature>/<id>-<name>`;
 * every name from the server made safe, so nothing is written outside `folder`) and listed in an
 * `attachments` attribute of each feature (paths relative to the folder, `;`-separated).
 *
 * @example
 * ```ts
 * const replica = await fs.createReplica({ layers: [0], replicaName: "test_replica" });
 * await exportReplica(replica, "out/");                                  // out/<layer>.geojson per layer
 * await exportReplica(replica, "out/", { extension: ".gpkg" });          // out/test_replica.gpkg, a table per layer
 * ```
 */
export async function exportReplica(replica: ReplicaData, folder: string, options: ExportReplicaOptions = {}): Promise<ExportedReplicaLayer[]> {
  if (!replica || !Array.isArray(replica.layers)) throw new ValidationError("replica", "must be a replica from createReplica");
  const extension = options.extension ?? ".geojson";
  const call: CallOptions = { ...(options.session ? { session: options.session } : {}), ...(options.signal ? { signal: options.signal } : {}) };
  const common = {
    ...(options.overwrite !== undefined ? { overwrite: options.overwrite } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const layers: ReplicaLayerOut[] = [];
  for (const layer of replica.layers) layers.push(await prepareLayer(replica, layer, folder, options, call));
  if (extension.toLowerCase() === ".gpkg") {
    const path = join(folder, `${geoPackageName(replica)}.gpkg`);
    const tables = await writeGeoPackageFile(layers.map((l) => ({ name: l.name, featureSet: l.featureSet })), path, common);
    return layers.map((l, i) => {
      const { table, result } = tables[i] as { table: string; result: ExportResult };
      return { layerId: l.layerId, name: l.name, result, table, attachments: l.attachments };
    });
  }
  const out: ExportedReplicaLayer[] = [];
  for (const l of layers) {
    const formatOptions = {
      ...(options.shapefile ? { shapefile: options.shapefile } : {}),
      ...(options.csv ? { csv: options.csv } : {}),
      ...(options.kml ? { kml: options.kml } : {}),
      ...(options.geojson ? { geojson: options.geojson } : {}),
    };
    const result = await exportFeatureSet(l.featureSet, join(folder, `${l.name}${extension}`), { ...common, ...formatOptions });
    out.push({ layerId: l.layerId, name: l.name, result, attachments: l.attachments });
  }
  return out;
}
