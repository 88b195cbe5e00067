import type { AdminStatus } from "./admin-request.js";
import type { ArcServerAdmin, PermissionSpec } from "./arc-server-admin.js";
import type { BatchResult, Permission, ServiceListing } from "./types.js";

/**
 * A services folder of a site, as `admin.folder(name)` returns it.
 * @example
 * for await (const s of admin.folder("SanFrancisco").services()) console.log(s.serviceName);
 */
export class AdminFolder {
  readonly #admin: ArcServerAdmin;
  /** The folder name. */
  readonly name: string;

  /** Use `admin.folder(name)`. */
  constructor(admin: ArcServerAdmin, name: string) {
    this.#admin = admin;
    this.name = name;
  }

  /** The folder's services. */
  services(options: { signal?: AbortSignal } = {}): AsyncGenerator<ServiceListing, void, undefined> {
    return this.#admin.services({ ...options, folder: this.name });
  }

  /** Stops every service of the folder. */
  async stopServices(options: { signal?: AbortSignal } = {}): Promise<BatchResult[]> {
    return this.#admin.stopServices({ ...options, folder: this.name });
  }

  /** Starts every service of the folder. */
  async startServices(options: { signal?: AbortSignal } = {}): Promise<BatchResult[]> {
    return this.#admin.startServices({ ...options, folder: this.name });
  }

  /** Grants or denies access to the folder. */
  async addPermission(spec: PermissionSpec, options: { signal?: AbortSignal } = {}): Promise<AdminStatus> {
    return this.#admin.addPermission(this.name, spec, options);
  }

  /** The folder's permissions. */
  async permissions(options: { signal?: AbortSignal } = {}): Promise<Permission[]> {
    return this.#admin.permissions(this.name, options);
  }
}
