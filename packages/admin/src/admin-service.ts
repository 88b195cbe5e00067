import { type CallOptions, ValidationError } from "@arcrest/core";
import type { AdminStatus } from "./admin-request.js";
import { EditConflictError } from "./errors/edit-conflict-error.js";
import { editService } from "./operations/edit-service.js";
import { getService } from "./operations/get-service.js";
import { getServiceStatus } from "./operations/get-service-status.js";
import { startService } from "./operations/start-service.js";
import { stopService } from "./operations/stop-service.js";
import type { ServiceExtension, ServiceJson, ServiceStatus } from "./types.js";

/** Service JSON members the server changes by itself (not edits by someone else). */
const VOLATILE = new Set(["configuredState", "realTimeState"]);

function changedKeys(a: ServiceJson, b: ServiceJson): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !VOLATILE.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/**
 * One service of an ArcGIS Server site, as `admin.service()` returns it: state, start/stop, and
 * edits of its JSON (read, merge, post the whole) and extensions.
 */
export class AdminService {
  /** "Folder/Name.Type" ("Name.Type" at the root). */
  readonly path: string;
  readonly #adminUrl: string;
  readonly #call: CallOptions;
  #json: ServiceJson;

  /** Use `admin.service(name)`. */
  constructor(adminUrl: string, path: string, json: ServiceJson, call: CallOptions) {
    this.#adminUrl = adminUrl;
    this.path = path;
    this.#json = json;
    this.#call = call;
  }

  /** The name without folder. */
  get serviceName(): string {
    return this.#json.serviceName;
  }

  /** The folder, "/" at the root. */
  get folderName(): string {
    const slash = this.path.indexOf("/");
    return slash < 0 ? "/" : this.path.slice(0, slash);
  }

  /** "MapServer", "FeatureServer", ... */
  get type(): string {
    return this.#json.type;
  }

  /** A copy of the service JSON as last read. */
  get json(): ServiceJson {
    return structuredClone(this.#json);
  }

  /** Names of the enabled extensions (as last read). */
  get enabledExtensions(): string[] {
    return (this.#json.extensions ?? []).filter((e) => String(e.enabled) === "true").map((e) => e.typeName);
  }

  /** Names of the disabled extensions (as last read). */
  get disabledExtensions(): string[] {
    return (this.#json.extensions ?? []).filter((e) => String(e.enabled) !== "true").map((e) => e.typeName);
  }

  /** Reads the service JSON again. */
  async refresh(options: { signal?: AbortSignal } = {}): Promise<ServiceJson> {
    this.#json = await getService(this.#adminUrl, { ...this.#call, ...options, service: this.path });
    return this.json;
  }

  /** `{ configuredState, realTimeState }`. */
  async status(options: { signal?: AbortSignal } = {}): Promise<ServiceStatus> {
    return getServiceStatus(this.#adminUrl, { ...this.#call, ...options, service: this.path });
  }

  /** Starts the service. */
  async start(options: { signal?: AbortSignal } = {}): Promise<AdminStatus> {
    return startService(this.#adminUrl, { ...this.#call, ...options, service: this.path });
  }

  /** Stops the service. */
  async stop(options: { signal?: AbortSignal } = {}): Promise<AdminStatus> {
    return stopService(this.#adminUrl, { ...this.#call, ...options, service: this.path });
  }

  /** Stops, then starts the service. */
  async restart(options: { signal?: AbortSignal } = {}): Promise<AdminStatus> {
    await this.stop(options);
    return this.start(options);
  }

  /**
   * Changes members of the service JSON: merges `changes` into the JSON as last read (`properties`
   * member by member), checks with a fresh read that nobody changed the service meanwhile, and
   * posts the whole JSON, so nothing else changes.
   * @throws {@link EditConflictError} when the service changed on the server since it was read.
   * @example
   * await svc.edit({ description: "Updated" });
   */
  async edit(changes: Partial<ServiceJson>, options: { signal?: AbortSignal } = {}): Promise<void> {
    if (typeof changes !== "object" || changes === null || Array.isArray(changes)) throw new ValidationError("changes", "must be an object of service JSON members");
    for (const key of ["serviceName", "type"] as const) {
      if (key in changes && changes[key] !== this.#json[key]) throw new ValidationError(`changes.${key}`, "cannot be changed by edit()");
    }
    const base = this.#json;
    const merged: ServiceJson = { ...structuredClone(base), ...structuredClone(changes) };
    if (changes.properties) merged.properties = { ...base.properties, ...changes.properties };
    const fresh = await getService(this.#adminUrl, { ...this.#call, ...options, service: this.path });
    const changed = changedKeys(base, fresh);
    if (changed.length > 0) {
      this.#json = fresh;
      throw new EditConflictError(this.path, changed);
    }
    delete merged.configuredState;
    await editService(this.#adminUrl, { ...this.#call, ...options, service: this.path, json: merged });
    await this.refresh(options);
  }

  #extensions(names: string[], parameter: string): ServiceExtension[] {
    if (!Array.isArray(names) || names.length === 0 || names.some((n) => typeof n !== "string")) {
      throw new ValidationError(parameter, "must be a non-empty array of extension names");
    }
    const available = (this.#json.extensions ?? []).map((e) => e.typeName);
    const unknown = names.filter((n) => !available.some((a) => a.toLowerCase() === n.toLowerCase()));
    if (unknown.length > 0) throw new ValidationError(parameter, `${this.path} has no extension ${unknown.join(", ")}; it has: ${available.join(", ") || "(none)"}`);
    return structuredClone(this.#json.extensions ?? []);
  }

  async #setEnabled(names: string[], enabled: boolean, parameter: string, options: { signal?: AbortSignal }): Promise<void> {
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    const extensions = this.#extensions(names, parameter).map((e) => (wanted.has(e.typeName.toLowerCase()) ? { ...e, enabled: String(enabled) } : e));
    await this.edit({ extensions }, options);
  }

  /** Enables extensions (e.g. `["FeatureServer"]` publishes the MapServer's FeatureServer endpoint). */
  async enableExtensions(names: string[], options: { signal?: AbortSignal } = {}): Promise<void> {
    return this.#setEnabled(names, true, "names", options);
  }

  /** Disables extensions (e.g. `["FeatureServer"]` removes the FeatureServer endpoint). */
  async disableExtensions(names: string[], options: { signal?: AbortSignal } = {}): Promise<void> {
    return this.#setEnabled(names, false, "names", options);
  }

  /**
   * Sets members of one extension (`capabilities` at the top, anything else in `properties`).
   * @example
   * await svc.setExtensionProperties("FeatureServer", { capabilities: "Query,Update,Delete,Editing" });
   */
  async setExtensionProperties(typeName: string, values: Record<string, unknown>, options: { signal?: AbortSignal } = {}): Promise<void> {
    if (typeof values !== "object" || values === null) throw new ValidationError("values", "must be an object");
    const extensions = this.#extensions([typeName], "typeName").map((e) => {
      if (e.typeName.toLowerCase() !== typeName.toLowerCase()) return e;
      const { capabilities, ...rest } = values;
      return { ...e, ...(capabilities === undefined ? {} : { capabilities: String(capabilities) }), properties: { ...e.properties, ...rest } };
    });
    await this.edit({ extensions }, options);
  }
}
