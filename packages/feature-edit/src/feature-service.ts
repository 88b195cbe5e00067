import { ArcServer, ValidationError, type CallOptions, type ConnectOptions, type LayerEntry } from "@arcrest/core";
import { MapService } from "@arcrest/query";
import { applyServiceEdits } from "./edits/apply-service-edits.js";
import type { EditOptions, EditSummary, ServiceLayerEditsInput } from "./edits/types.js";
import { FeatureLayer } from "./feature-layer.js";
import { createReplica } from "./replicas/create-replica.js";
import {
  listReplicas,
  replicaInfo,
  synchronizeReplica,
  unRegisterReplica,
  type ReplicaEntry,
  type ReplicaInfo,
  type SynchronizeReplicaOptions,
  type SynchronizeResult,
} from "./replicas/replica-operations.js";
import type { CreateReplicaOptions, Replica } from "./replicas/replica-types.js";

/**
 * A feature service: its layers and tables as {@link FeatureLayer}s, service-level
 * `applyEdits` across layers, and replicas.
 *
 * @example
 * ```ts
 * const fs = await FeatureService.connect("https://host/arcgis/rest/services/SanFrancisco/311Incidents/FeatureServer");
 * const incidents = await fs.layer("incidents");
 * ```
 */
export class FeatureService extends MapService {
  readonly #featureLayers = new Map<number, Promise<FeatureLayer>>();

  /** Connects by URL (`.../FeatureServer`), applying any credentials given. */
  static override connect(url: string, options?: ConnectOptions): Promise<FeatureService>;
  /** Connects to a feature service of a services directory by name (case-insensitive, `*` wildcards). */
  static override connect(server: ArcServer, name: string, options?: CallOptions): Promise<FeatureService>;
  static override async connect(target: string | ArcServer, nameOrOptions?: string | ConnectOptions, maybeOptions: CallOptions = {}): Promise<FeatureService> {
    let url: string;
    let options: ConnectOptions;
    if (target instanceof ArcServer) {
      if (typeof nameOrOptions !== "string") throw new ValidationError("name", "give the service name to connect to");
      url = await target.serviceUrl(nameOrOptions, { type: "FeatureServer", ...(maybeOptions.signal ? { signal: maybeOptions.signal } : {}) });
      options = { session: maybeOptions.session ?? target.session, ...(maybeOptions.signal ? { signal: maybeOptions.signal } : {}) };
    } else {
      if (typeof target !== "string") throw new ValidationError("url", "give a FeatureServer URL or an ArcServer and a name");
      url = target.split(/[?#]/)[0].replace(/\/+$/, "");
      if (!/\/FeatureServer$/i.test(url)) throw new ValidationError("url", `expected a .../FeatureServer URL, got ${target}`);
      options = typeof nameOrOptions === "object" ? nameOrOptions : {};
    }
    const service = await MapService.connect(url, options);
    return new FeatureService(service.url, service.info, service.session);
  }

  #entry(nameOrId: string | number, kinds: ("layers" | "tables")[]): LayerEntry {
    const entry = this.findEntry(nameOrId, kinds);
    if (entry) return entry;
    const names = kinds.flatMap((k) => (k === "layers" ? this.listLayers() : this.listTables()));
    throw new ValidationError(kinds.length === 1 ? "table" : "layer", `no ${kinds.length === 1 ? "table" : "layer or table"} "${String(nameOrId)}" in ${this.url}; have ${names.join(", ") || "none"}`);
  }

  #load(entry: LayerEntry, options: CallOptions): Promise<FeatureLayer> {
    let loading = this.#featureLayers.get(entry.id);
    if (!loading) {
      loading = FeatureLayer.connect(this.layerUrl(entry), { session: options.session ?? this.session, ...(options.signal ? { signal: options.signal } : {}) });
      loading.catch(() => this.#featureLayers.delete(entry.id));
      this.#featureLayers.set(entry.id, loading);
    }
    return loading;
  }

  /** A layer (or table) by id or name: case-insensitive, `*` wildcards; layers before tables. */
  override layer(nameOrId: string | number, options: CallOptions = {}): Promise<FeatureLayer> {
    return this.#load(this.#entry(nameOrId, ["layers", "tables"]), options);
  }

  /** A table by id or name. */
  override table(nameOrId: string | number, options: CallOptions = {}): Promise<FeatureLayer> {
    return this.#load(this.#entry(nameOrId, ["tables"]), options);
  }

  /**
   * Edits several layers at once (the service's `applyEdits`), chunked; one result per edit,
   * each with its `layerId`.
   */
  async applyEdits(edits: readonly ServiceLayerEditsInput[], options: EditOptions = {}): Promise<EditSummary> {
    if (!Array.isArray(edits)) throw new ValidationError("edits", "must be an array of { id, adds, updates, deletes }");
    const layers = await Promise.all([...new Set(edits.map((e) => e.id))].map((id) => this.layer(id, options)));
    return applyServiceEdits(this.url, layers, edits, { ...options, session: options.session ?? this.session });
  }

  #call<T extends CallOptions>(options: T): T {
    return options.session ? options : { ...options, session: this.session };
  }

  /**
   * Creates a replica in JSON format (the seed's `createReplica`) and returns its data;
   * `async: true` runs it as a server job with status polling, progress and cancellation.
   */
  createReplica(options: CreateReplicaOptions): Promise<Replica> {
    return createReplica(this.url, this.#call(options));
  }

  /** The replicas registered with this service. */
  replicas(options: CallOptions = {}): Promise<ReplicaEntry[]> {
    return listReplicas(this.url, this.#call(options));
  }

  /** The info of one replica. */
  replicaInfo(replicaID: string, options: CallOptions = {}): Promise<ReplicaInfo> {
    return replicaInfo(this.url, replicaID, this.#call(options));
  }

  /** Uploads local edits of a replica and downloads the server's changes since a generation. */
  async synchronizeReplica(replica: Replica | string, options: SynchronizeReplicaOptions = {}): Promise<SynchronizeResult> {
    const id = typeof replica === "string" ? replica : replica.replicaID;
    const gen = options.replicaServerGen ?? (typeof replica === "string" ? undefined : replica.replicaServerGen);
    let globalIdFields = options.globalIdFields;
    if (!globalIdFields && options.edits?.length) {
      const layers = await Promise.all(options.edits.map((e) => this.layer(e.id, options)));
      globalIdFields = Object.fromEntries(layers.filter((l) => l.globalIdField).map((l) => [l.id, l.globalIdField as string]));
    }
    return synchronizeReplica(this.url, id, this.#call({ ...options, ...(gen !== undefined ? { replicaServerGen: gen } : {}), ...(globalIdFields ? { globalIdFields } : {}) }));
  }

  /** Unregisters a replica (`*`: all of this service's replicas). */
  unRegisterReplica(replica: Replica | string, options: CallOptions = {}): Promise<boolean> {
    return unRegisterReplica(this.url, typeof replica === "string" ? replica : replica.replicaID, this.#call(options));
  }
}
