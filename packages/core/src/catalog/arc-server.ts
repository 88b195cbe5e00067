import type { CallOptions } from "../request/types.js";
import type { Session } from "../auth/index.js";
import { ArcGISAuthError, ValidationError } from "../errors/index.js";
import type { DirectoryInfo, ServiceEntry, ServiceType } from "./types.js";
import { fetchDirectory } from "./fetch-directory.js";
import { matchNames } from "./match-name.js";
import { servicesDirectoryUrl } from "./service-url.js";
import { sessionFor, type ConnectOptions } from "./connect-options.js";
import { Service } from "./service.js";

/** One folder visited by {@link ArcServer.walk}. */
export interface WalkEntry {
  /** Folder path relative to the services root (`""` for the root). */
  root: string;
  /** The folder's URL. */
  url: string;
  /** Sub-folder names (full paths) of this folder. */
  folders: string[];
  /** Services in this folder. */
  services: ServiceEntry[];
}

/** Something {@link ArcServer.walk} skipped rather than failed on. */
export interface CatalogWarning {
  /** The folder that could not be listed. */
  folder: string;
  /** Why. */
  error: Error;
}

/** Options of {@link ArcServer.walk}. */
export interface WalkOptions extends CallOptions {
  /** Called for each folder skipped because it needs a token the session does not have. */
  onWarning?: (warning: CatalogWarning) => void;
}

/**
 * An ArcGIS Server services directory (the seed's `ArcServer`).
 *
 * @example
 * ```ts
 * const ags = await ArcServer.connect("https://host/arcgis/rest/services");
 * console.log(ags.folders.length, ags.services.length);
 * for await (const { root, folders, services } of ags.walk()) console.log(root, services);
 * ```
 */
export class ArcServer {
  /** `https://host/arcgis/rest/services` */
  readonly url: string;
  /** The session every request from this directory (and handles made from it) uses. */
  readonly session: Session;
  /** The root listing as the server sent it. */
  readonly info: DirectoryInfo;

  private constructor(url: string, session: Session, info: DirectoryInfo) {
    this.url = url;
    this.session = session;
    this.info = info;
  }

  /**
   * Connects to a services directory; `/rest/services` is appended when missing.
   * Credentials in `options` are turned into a token scoped to this server.
   */
  static async connect(url: string, options: ConnectOptions = {}): Promise<ArcServer> {
    const directoryUrl = servicesDirectoryUrl(url);
    const session = await sessionFor(directoryUrl, options);
    const info = await fetchDirectory(directoryUrl, { session, signal: options.signal });
    return new ArcServer(directoryUrl, session, info);
  }

  /** Server version, e.g. `10.81`. */
  get currentVersion(): number | undefined {
    return this.info.currentVersion;
  }

  /** Folder names at the root. */
  get folders(): string[] {
    return this.info.folders ?? [];
  }

  /** Services at the root (folders' services come from {@link walk} or {@link allServices}). */
  get services(): ServiceEntry[] {
    return this.info.services ?? [];
  }

  /** The URL of a service entry. */
  entryUrl(entry: ServiceEntry): string {
    return entry.url ?? `${this.url}/${entry.name}/${entry.type}`;
  }

  /**
   * Every folder, depth first, starting at the root. Folders that need a token
   * this session does not have are skipped and reported through `onWarning`.
   */
  async *walk(options: WalkOptions = {}): AsyncGenerator<WalkEntry> {
    const call = { session: this.session, signal: options.signal };
    const pending: string[] = [""];
    while (pending.length > 0) {
      const folder = pending.shift() as string;
      const url = folder ? `${this.url}/${folder}` : this.url;
      let info: DirectoryInfo;
      try {
        info = folder ? await fetchDirectory(url, call) : this.info;
      } catch (error) {
        if (error instanceof ArcGISAuthError) {
          options.onWarning?.({ folder, error });
          continue;
        }
        throw error;
      }
      // Sub-folders come back as full paths on some servers and bare names on others.
      const folders = (info.folders ?? []).map((f) => (folder && !f.startsWith(`${folder}/`) ? `${folder}/${f}` : f));
      yield { root: folder, url, folders, services: info.services ?? [] };
      pending.unshift(...folders);
    }
  }

  /** Every service in every folder this session may list. */
  async allServices(options: WalkOptions = {}): Promise<ServiceEntry[]> {
    const all: ServiceEntry[] = [];
    for await (const entry of this.walk(options)) all.push(...entry.services);
    return all;
  }

  /**
   * Finds a service by name: case-insensitive, `*` wildcards, with or without
   * folder (`ahps_gauges`, `sanfrancisco/311*`), optionally of one type.
   * Searches the root first, then every folder.
   */
  async findService(name: string, options: WalkOptions & { type?: ServiceType } = {}): Promise<ServiceEntry> {
    const pattern = name.replace(/^\/+|\/+$/g, "");
    const candidates = (entries: ServiceEntry[]) => {
      const typed = options.type ? entries.filter((e) => e.type.toLowerCase() === options.type?.toLowerCase()) : entries;
      const byFullName = new Map(typed.map((e) => [e.name, e]));
      const byBaseName = new Map(typed.map((e) => [e.name.split("/").pop() as string, e]));
      const full = matchNames(byFullName.keys(), pattern)[0];
      if (full) return byFullName.get(full);
      const base = matchNames(byBaseName.keys(), pattern)[0];
      return base ? byBaseName.get(base) : undefined;
    };
    const atRoot = candidates(this.services);
    if (atRoot) return atRoot;
    const skipped: CatalogWarning[] = [];
    const walkOptions: WalkOptions = {
      signal: options.signal,
      onWarning: (warning) => {
        skipped.push(warning);
        options.onWarning?.(warning);
      },
    };
    for await (const entry of this.walk(walkOptions)) {
      const found = candidates(entry.services);
      if (found) return found;
    }
    // A name inside a folder this session could not list fails as that folder did (token required).
    const folderPart = pattern.includes("/") ? pattern.slice(0, pattern.lastIndexOf("/")) : undefined;
    const blocked = folderPart ? skipped.find((w) => matchNames([w.folder], folderPart).length > 0) : undefined;
    if (blocked) throw blocked.error;
    const unlisted = skipped.length ? ` (not listed without a token: ${skipped.map((w) => w.folder).join(", ")})` : "";
    throw new ValidationError(`No service matching "${name}"${options.type ? ` of type ${options.type}` : ""} in ${this.url}${unlisted}`, {
      parameter: "name",
      value: name,
    });
  }

  /** The URL of a service found by {@link findService}. */
  async serviceUrl(name: string, options: WalkOptions & { type?: ServiceType } = {}): Promise<string> {
    return this.entryUrl(await this.findService(name, options));
  }

  /** A handle on a service found by name, with its JSON loaded (the seed's `getService`). */
  async getService(name: string, options: WalkOptions & { type?: ServiceType } = {}): Promise<Service> {
    const url = await this.serviceUrl(name, options);
    return Service.connect(url, { session: this.session, signal: options.signal });
  }
}
