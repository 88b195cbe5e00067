import { ArcServer, ValidationError, type CallOptions, type ConnectOptions, type LayerEntry } from "@arcrest/core";
import { MapService } from "@arcrest/query";
import { applyServiceEdits } from "./edits/apply-edits.js";
import type { EditOptions, EditSummary, ServiceLayerEditsInput } from "./edits/types.js";
import { FeatureLayer } from "./feature-layer.js";

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
}
