import { ArcServer, fetchServiceInfo, getDefaultSession, Service, sessionFor, ValidationError, type CallOptions, type ConnectOptions, type LayerEntry, type ServiceInfo, type Session } from "@arcrest/core";
import type { CursorOptions } from "./cursor/cursor.js";
import type { Row } from "./cursor/row.js";
import { MapServiceLayer } from "./map-service-layer.js";
import { exportMap, type ExportMapOptions, type ExportedMap } from "./operations/export-map.js";
import { queryService, type QueryServiceOptions, type ServiceQueryLayerResult } from "./operations/query-service.js";
import type { Feature, FeaturesOptions } from "./types.js";

/**
 * A map service (or a feature service read through the same API): its layers
 * and tables by name or id, a service-level cursor, multi-layer queries and
 * map export. The seed's `MapService`.
 *
 * @example
 * ```ts
 * const gauges = await MapService.connect(ags, "ahps_gauges");
 * const lyr = await gauges.layer("observed_*");
 * for await (const row of gauges.cursor("observed_river_stages", { where: "state = 'CA'" })) console.log(row.values);
 * ```
 */
export class MapService extends Service {
  readonly #layers = new Map<number, Promise<MapServiceLayer>>();

  /**
   * @param url - the service URL
   * @param info - the service JSON
   * @param session - the session for every request
   */
  protected constructor(url: string, info: ServiceInfo, session: Session) {
    super(url, info, session);
  }

  /** A handle from service JSON already at hand (no request). */
  static fromInfo(url: string, info: ServiceInfo, session: Session = getDefaultSession()): MapService {
    return new MapService(url.split(/[?#]/)[0].replace(/\/+$/, ""), info, session);
  }

  /** Connects by URL (`.../MapServer` or `.../FeatureServer`), applying any credentials given. */
  static override connect(url: string, options?: ConnectOptions): Promise<MapService>;
  /** Connects to a service of a services directory by name (case-insensitive, `*` wildcards). */
  static override connect(server: ArcServer, name: string, options?: CallOptions): Promise<MapService>;
  static override async connect(
    target: string | ArcServer,
    nameOrOptions?: string | ConnectOptions,
    maybeOptions: CallOptions = {},
  ): Promise<MapService> {
    if (target instanceof ArcServer) {
      if (typeof nameOrOptions !== "string") throw new ValidationError("name", "give the service name to connect to");
      const signal = maybeOptions.signal;
      const call = signal ? { signal } : {};
      let url: string;
      try {
        url = await target.serviceUrl(nameOrOptions, { ...call, type: "MapServer" });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        url = await target.serviceUrl(nameOrOptions, { ...call, type: "FeatureServer" });
      }
      const session = maybeOptions.session ?? target.session;
      return new MapService(url, await fetchServiceInfo(url, { session, ...call }), session);
    }
    if (typeof target !== "string") throw new ValidationError("url", "give a service URL or an ArcServer and a name");
    const options = typeof nameOrOptions === "object" ? nameOrOptions : {};
    const url = target.split(/[?#]/)[0].replace(/\/+$/, "");
    if (!/\/(MapServer|FeatureServer)$/i.test(url)) {
      throw new ValidationError("url", `expected a .../MapServer or .../FeatureServer URL, got ${target}`);
    }
    const session = await sessionFor(url, options);
    const info = await fetchServiceInfo(url, { session, signal: options.signal });
    return new MapService(url, info, session);
  }

  #entry(nameOrId: string | number, kinds: ("layers" | "tables")[]): LayerEntry {
    const entry = this.findEntry(nameOrId, kinds);
    if (entry) return entry;
    const names = kinds.flatMap((k) => (k === "layers" ? this.listLayers() : this.listTables()));
    throw new ValidationError(
      kinds.length === 1 && kinds[0] === "tables" ? "table" : "layer",
      `no ${kinds.join(" or ").replace(/s\b/g, "")} "${String(nameOrId)}" in ${this.url}; have ${names.join(", ") || "none"}`,
    );
  }

  #load(entry: LayerEntry, options: CallOptions): Promise<MapServiceLayer> {
    let loading = this.#layers.get(entry.id);
    if (!loading) {
      loading = MapServiceLayer.connect(this.layerUrl(entry), { session: options.session ?? this.session, signal: options.signal });
      // A failed load is not cached, so a later call can retry.
      loading.catch(() => this.#layers.delete(entry.id));
      this.#layers.set(entry.id, loading);
    }
    return loading;
  }

  /** A layer (or table) by id or name: case-insensitive, `*` wildcards; layers are searched before tables. */
  async layer(nameOrId: string | number, options: CallOptions = {}): Promise<MapServiceLayer> {
    return this.#load(this.#entry(nameOrId, ["layers", "tables"]), options);
  }

  /** A table by id or name (case-insensitive, `*` wildcards). */
  async table(nameOrId: string | number, options: CallOptions = {}): Promise<MapServiceLayer> {
    return this.#load(this.#entry(nameOrId, ["tables"]), options);
  }

  /** A cursor on one of the service's layers (the seed's `gauges.cursor('observed_river_stages', where)`). */
  async *cursor(layer: string | number, options: CursorOptions = {}): AsyncGenerator<Row> {
    yield* (await this.layer(layer, options)).cursor(options);
  }

  /** Every matching feature of one of the service's layers, streamed. */
  async *features(layer: string | number, options: FeaturesOptions & { f?: "json" } = {}): AsyncGenerator<Feature> {
    yield* (await this.layer(layer, options)).features(options);
  }

  /**
   * Queries several layers at once, each with its own where clause (`layerDefs`):
   * one service-level request on a FeatureServer, one per layer elsewhere.
   */
  async query(options: QueryServiceOptions): Promise<ServiceQueryLayerResult[]> {
    return queryService(this.url, { session: this.session, ...options });
  }

  /**
   * Renders a map image (`export`, `f=image`) and returns its bytes. MapServer
   * only. Write it to a file with `saveMapImage` from `@arcrest/query/node`.
   */
  async export(options: ExportMapOptions): Promise<ExportedMap> {
    if (!/\/MapServer$/i.test(this.url)) throw new ValidationError("url", `map export needs a MapServer, not ${this.url}`);
    return exportMap(this.url, { session: this.session, ...options });
  }
}
