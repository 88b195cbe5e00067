import type { Session } from "../auth/index.js";
import type { LayerEntry, ServiceInfo, ServiceType } from "./types.js";
import { fetchServiceInfo } from "./fetch-service-info.js";
import { matchNames } from "./match-name.js";
import { cleanUrl, parseServiceUrl } from "./service-url.js";
import { sessionFor, type ConnectOptions } from "./connect-options.js";

/**
 * A service with its JSON loaded: what it is, not what you can do with it.
 * Capability packages (`@arcrest/query`, `@arcrest/image` ...) add the verbs.
 */
export class Service {
  /** The service URL (`.../MapServer`). */
  readonly url: string;
  /** Service JSON as the server sent it. */
  readonly info: ServiceInfo;
  /** The session requests go through. */
  readonly session: Session;

  protected constructor(url: string, info: ServiceInfo, session: Session) {
    this.url = url;
    this.info = info;
    this.session = session;
  }

  /** Loads a service's JSON. */
  static async connect(url: string, options: ConnectOptions = {}): Promise<Service> {
    const clean = cleanUrl(url);
    const session = await sessionFor(clean, options);
    const info = await fetchServiceInfo(clean, { session, signal: options.signal });
    return new Service(clean, info, session);
  }

  /** Name with folder, from the URL (`SanFrancisco/311Incidents`). */
  get name(): string {
    return parseServiceUrl(this.url)?.name ?? this.url.split("/").slice(-2, -1)[0];
  }

  /** `MapServer`, `FeatureServer` ... from the URL. */
  get type(): ServiceType {
    return parseServiceUrl(this.url)?.type ?? this.url.split("/").pop() ?? "";
  }

  /** Layers (not tables) listed by the service. */
  get layers(): LayerEntry[] {
    return this.info.layers ?? [];
  }

  /** Tables listed by the service. */
  get tables(): LayerEntry[] {
    return this.info.tables ?? [];
  }

  /** Layer names. */
  listLayers(): string[] {
    return this.layers.map((l) => l.name);
  }

  /** Table names. */
  listTables(): string[] {
    return this.tables.map((t) => t.name);
  }

  /**
   * Finds a layer or table entry by id or name (case-insensitive, `*` wildcard).
   * Layers are searched before tables.
   */
  findEntry(nameOrId: string | number, kinds: ("layers" | "tables")[] = ["layers", "tables"]): LayerEntry | undefined {
    const entries = kinds.flatMap((k) => (k === "layers" ? this.layers : this.tables));
    if (typeof nameOrId === "number" || /^\d+$/.test(nameOrId)) {
      const id = Number(nameOrId);
      const byId = entries.find((e) => e.id === id);
      if (byId) return byId;
    }
    const name = matchNames(
      entries.map((e) => e.name),
      String(nameOrId),
    )[0];
    return name === undefined ? undefined : entries.find((e) => e.name === name);
  }

  /** URL of a layer or table entry. */
  layerUrl(entry: LayerEntry | number): string {
    return `${this.url}/${typeof entry === "number" ? entry : entry.id}`;
  }
}
