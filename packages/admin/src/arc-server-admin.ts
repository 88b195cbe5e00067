import { type CallOptions, type Credentials, type Progress, Session, type Token, ValidationError } from "@arcrest/core";
import { type AdminStatus, adminBase, adminRequest } from "./admin-request.js";
import { AdminFolder } from "./admin-folder.js";
import { AdminService } from "./admin-service.js";
import { DataStore } from "./data-store.js";
import { FolderNotFoundError } from "./errors/folder-not-found-error.js";
import { addPermission } from "./operations/add-permission.js";
import { createFolder } from "./operations/create-folder.js";
import { deleteFolder } from "./operations/delete-folder.js";
import { getClusters } from "./operations/get-clusters.js";
import { getFolder } from "./operations/get-folder.js";
import { getLogSettings } from "./operations/get-log-settings.js";
import { getMachines } from "./operations/get-machines.js";
import { getPermissions } from "./operations/get-permissions.js";
import { getSecurityConfig } from "./operations/get-security-config.js";
import { getService } from "./operations/get-service.js";
import { getServiceStatus } from "./operations/get-service-status.js";
import { startService } from "./operations/start-service.js";
import { stopService } from "./operations/stop-service.js";
import { queryLogs, type QueryLogsOptions } from "./query-logs.js";
import { qualifiedName, resolveService } from "./resolve-service.js";
import { name, RoleStore } from "./role-store.js";
import type { BatchResult, LogMessage, Permission, ServiceListing, ServiceSummary } from "./types.js";
import { UserStore } from "./user-store.js";

/** How {@link ArcServerAdmin.connect} signs in: credentials, an existing session, or an admin token. */
export type AdminAuth = Credentials | { session: Session } | { token: string | Token };

/** What a permission grants: `{ private: true }` (deny `esriEveryone`) or a principal allowed or not. */
export type PermissionSpec = { private: boolean } | { principal: string; allowed: boolean };

type Signal = { signal?: AbortSignal };

/** Options of {@link ArcServerAdmin.connect}. */
export interface AdminConnectOptions extends Signal {
  /** An Esri resource proxy (`…/proxy.ashx`) every admin request goes through; the token stays in the body. */
  proxy?: string;
}

/** Options of {@link ArcServerAdmin.startServices} and {@link ArcServerAdmin.stopServices}. */
export interface BatchOptions extends Signal {
  /** The folder ("/" for the root). */
  folder: string;
  /** Only these services of the folder (names, wildcards or unique partial names); default all. */
  services?: string[];
  /** Called before the first service and after each one, with services done of the total. */
  onProgress?: (progress: Progress) => void;
}

/**
 * An ArcGIS Server site's Administrator API (the seed's `restapi.admin`): services by folder,
 * start/stop, edits and extensions, permissions, folders, data store, users, roles, logs.
 * @example
 * const admin = await ArcServerAdmin.connect("https://host/arcgis/admin", { username, password });
 * const svc = await admin.service("SampleWorldCities");
 * await svc.stop(); await svc.start();
 */
export class ArcServerAdmin {
  /** The admin URL, e.g. https://host/arcgis/admin. */
  readonly url: string;
  /** The session that holds the admin token. */
  readonly session: Session;
  /** Users (`/admin/security/users`). */
  readonly userStore: UserStore;
  /** Roles (`/admin/security/roles`). */
  readonly roleStore: RoleStore;
  /** Registered data (`/admin/data`). */
  readonly dataStore: DataStore;
  readonly #call: CallOptions;

  private constructor(url: string, session: Session) {
    this.url = url;
    this.session = session;
    this.#call = { session };
    this.userStore = new UserStore(url, this.#call);
    this.roleStore = new RoleStore(url, this.#call);
    this.dataStore = new DataStore(url, this.#call);
  }

  /**
   * Connects and checks access with one request. With `{ username, password }` a token is made by
   * `<adminUrl>/generateToken` (and renewed) in a new session; with `{ token }` that admin token is
   * used; with `{ session }` the session's token for the server root is used as it is (e.g. a
   * federated server token obtained through a portal).
   * With `proxy`, every admin request goes through that Esri resource proxy.
   * @throws `ValidationError` for a bad URL, auth or proxy; `ArcGISAuthError` when refused.
   * @example
   * const admin = await ArcServerAdmin.connect(server.adminUrl, { username: "arcrest", password: "arcrest-pass" });
   */
  static async connect(adminUrl: string, auth: AdminAuth, options: AdminConnectOptions = {}): Promise<ArcServerAdmin> {
    const url = adminBase(adminUrl);
    let session: Session;
    if (typeof auth !== "object" || auth === null) throw new ValidationError("auth", "expected { username, password }, { session } or { token }");
    if ("session" in auth) {
      if (!(auth.session instanceof Session)) throw new ValidationError("auth.session", "must be a Session");
      session = auth.session;
    } else if ("token" in auth) {
      session = new Session();
      session.authenticate(url, { token: auth.token });
    } else if ("username" in auth) {
      session = new Session();
      session.setCredentials(url, auth, { tokenServiceUrl: `${url}/generateToken` });
    } else throw new ValidationError("auth", "expected { username, password }, { session } or { token }");
    if (options.proxy !== undefined) session = session.withProxy(options.proxy);
    await adminRequest(url, {}, { session, signal: options.signal });
    return new ArcServerAdmin(url, session);
  }

  /** Folder names; the root is "/". */
  async folders(options: Signal = {}): Promise<string[]> {
    const root = await getFolder(this.url, { ...this.#call, signal: options.signal });
    return ["/", ...(root.folders ?? [])];
  }

  /** A folder's handle (checked on use). */
  folder(folderName: string): AdminFolder {
    return new AdminFolder(this, name(folderName, "folderName"));
  }

  async #folderServices(folder: string, options: Signal): Promise<ServiceSummary[]> {
    if (folder !== "/") {
      const folders = await this.folders({ signal: options.signal });
      if (!folders.some((f) => f.toLowerCase() === folder.toLowerCase())) throw new FolderNotFoundError(folder, folders);
    }
    return (await getFolder(this.url, { ...this.#call, signal: options.signal, folder })).services;
  }

  /** Every service (of one folder, or all), with its configured state. */
  async *services(options: { folder?: string } & Signal = {}): AsyncGenerator<ServiceListing, void, undefined> {
    const folders = options.folder === undefined ? await this.folders(options) : [options.folder];
    for (const folder of folders) {
      for (const s of await this.#folderServices(folder, options)) {
        const { configuredState } = await getServiceStatus(this.url, { ...this.#call, ...options, service: qualifiedName(s) });
        yield { ...s, configuredState };
      }
    }
  }

  async #allSummaries(options: Signal): Promise<ServiceSummary[]> {
    const all: ServiceSummary[] = [];
    for (const folder of await this.folders(options)) all.push(...(await this.#folderServices(folder, options)));
    return all;
  }

  /**
   * One service by "Folder/Name.Type", a wildcard, or a unique partial name.
   * @throws ServiceNotFoundError / AmbiguousServiceError listing what exists / matches.
   * @example
   * const svc = await admin.service("311*");
   */
  async service(serviceName: string, options: Signal = {}): Promise<AdminService> {
    const found = resolveService(name(serviceName, "name"), await this.#allSummaries(options));
    const path = qualifiedName(found);
    const json = await getService(this.url, { ...this.#call, ...options, service: path });
    return new AdminService(this.url, path, json, this.#call);
  }

  async #batch(folder: string, services: string[] | undefined, action: typeof stopService, options: BatchOptions): Promise<BatchResult[]> {
    const inFolder = (await this.#folderServices(name(folder, "folder"), options)).map(qualifiedName);
    const targets = services === undefined ? inFolder : services.map((s) => qualifiedName(resolveService(s, inFolder.map(parse))));
    const results: BatchResult[] = [];
    options.onProgress?.({ done: 0, total: targets.length });
    for (const target of targets) {
      const service = target;
      try {
        await action(this.url, { ...this.#call, ...options, service });
        results.push({ service, ok: true });
      } catch (error) {
        if (options.signal?.aborted) throw error;
        results.push({ service, ok: false, error: error instanceof Error ? error : new Error(String(error)) });
      }
      options.onProgress?.({ done: results.length, total: targets.length });
    }
    return results;
  }

  /**
   * Stops every service of a folder (or the named ones), one by one; one failure does not stop the rest.
   * `onProgress` is called before the first and after each service.
   */
  async stopServices(options: BatchOptions): Promise<BatchResult[]> {
    return this.#batch(options?.folder, options.services, stopService, options);
  }

  /** Starts every service of a folder (or the named ones), reporting per service (and to `onProgress`). */
  async startServices(options: BatchOptions): Promise<BatchResult[]> {
    return this.#batch(options?.folder, options.services, startService, options);
  }

  async #resource(target: string, options: Signal): Promise<string> {
    const folders = await this.folders(options);
    const folder = folders.find((f) => f !== "/" && f.toLowerCase() === target.toLowerCase());
    if (folder) return folder;
    return qualifiedName(resolveService(target, await this.#allSummaries(options)));
  }

  /**
   * Grants or denies access to a folder or a service (a folder name, else any name `service()` takes).
   * @example
   * await admin.addPermission("SomeFolder", { private: true });
   */
  async addPermission(target: string, spec: PermissionSpec, options: Signal = {}): Promise<AdminStatus> {
    const resource = await this.#resource(name(target, "target"), options);
    if (typeof spec !== "object" || spec === null) throw new ValidationError("spec", "expected { private } or { principal, allowed }");
    if ("private" in spec) return addPermission(this.url, { ...this.#call, ...options, resource, principal: "esriEveryone", isAllowed: !spec.private });
    return addPermission(this.url, { ...this.#call, ...options, resource, principal: name(spec.principal, "spec.principal"), isAllowed: Boolean(spec.allowed) });
  }

  /** The permissions of a folder or service. */
  async permissions(target: string, options: Signal = {}): Promise<Permission[]> {
    const resource = await this.#resource(name(target, "target"), options);
    return (await getPermissions(this.url, { ...this.#call, ...options, resource })).permissions;
  }

  /** Creates a folder. */
  async createFolder(folderName: string, options: { description?: string } & Signal = {}): Promise<AdminStatus> {
    return createFolder(this.url, { ...this.#call, ...options, folderName: name(folderName, "folderName") });
  }

  /** Deletes a folder. @throws FolderNotFoundError listing the folders. */
  async deleteFolder(folderName: string, options: Signal = {}): Promise<AdminStatus> {
    const folders = await this.folders(options);
    const folder = folders.find((f) => f !== "/" && f.toLowerCase() === name(folderName, "folderName").toLowerCase());
    if (!folder) throw new FolderNotFoundError(folderName, folders);
    return deleteFolder(this.url, { ...this.#call, ...options, folder });
  }

  /** Every log message, newest first, page by page (see {@link queryLogs}). */
  queryLogs(options: Omit<QueryLogsOptions, "session"> = {}): AsyncGenerator<LogMessage, void, undefined> {
    return queryLogs(this.url, { ...options, ...this.#call });
  }

  /** The site's machines. */
  async machines(options: Signal = {}): Promise<Awaited<ReturnType<typeof getMachines>>["machines"]> {
    return (await getMachines(this.url, { ...this.#call, ...options })).machines;
  }

  /** The site's clusters. */
  async clusters(options: Signal = {}): Promise<Awaited<ReturnType<typeof getClusters>>["clusters"]> {
    return (await getClusters(this.url, { ...this.#call, ...options })).clusters;
  }

  /** The security configuration. */
  securityConfig(options: Signal = {}): ReturnType<typeof getSecurityConfig> {
    return getSecurityConfig(this.url, { ...this.#call, ...options });
  }

  /** The log settings. */
  async logSettings(options: Signal = {}): Promise<Awaited<ReturnType<typeof getLogSettings>>["settings"]> {
    return (await getLogSettings(this.url, { ...this.#call, ...options })).settings;
  }
}

function parse(q: string): ServiceSummary {
  const slash = q.indexOf("/");
  const folderName = slash < 0 ? "/" : q.slice(0, slash);
  const rest = slash < 0 ? q : q.slice(slash + 1);
  const dot = rest.lastIndexOf(".");
  return { folderName, serviceName: rest.slice(0, dot), type: rest.slice(dot + 1), description: "" };
}
