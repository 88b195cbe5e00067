import type { CallOptions } from "@arcrest/core";
import type { AdminStatus } from "./admin-request.js";
import { addUser } from "./operations/add-user.js";
import { assignRoles } from "./operations/assign-roles.js";
import { getUserPrivilege } from "./operations/get-user-privilege.js";
import { getUsers } from "./operations/get-users.js";
import { removeRoles } from "./operations/remove-roles.js";
import { removeUser } from "./operations/remove-user.js";
import { searchUsers } from "./operations/search-users.js";
import { count, name, names } from "./role-store.js";
import type { AdminUser } from "./types.js";

const SEARCH_BATCH = 1000;

/** The site's user store (`/admin/security/users`). */
export class UserStore {
  readonly #adminUrl: string;
  readonly #call: CallOptions;

  /** Use `admin.userStore`. */
  constructor(adminUrl: string, call: CallOptions) {
    this.#adminUrl = adminUrl;
    this.#call = call;
  }

  /** Every user, following `startIndex`/`pageSize`/`hasMore`. */
  async users(options: { pageSize?: number; signal?: AbortSignal } = {}): Promise<AdminUser[]> {
    const pageSize = count(options.pageSize, "pageSize") ?? 100;
    const all: AdminUser[] = [];
    for (;;) {
      const page = await getUsers(this.#adminUrl, { ...this.#call, signal: options.signal, startIndex: all.length, pageSize });
      all.push(...page.users);
      if (!page.hasMore || page.users.length === 0) return all;
    }
  }

  /**
   * Users whose name or full name contains `filter`. With `maxCount`, one search of that size.
   * Without, every match: one search of 1,000, and when the server says more remain, the paged
   * listing filtered here.
   */
  async searchUsers(options: { filter?: string; maxCount?: number; signal?: AbortSignal } = {}): Promise<AdminUser[]> {
    const maxCount = count(options.maxCount, "maxCount");
    const first = await searchUsers(this.#adminUrl, { ...this.#call, ...options, maxCount: maxCount ?? SEARCH_BATCH });
    if (maxCount !== undefined || !first.hasMore) return first.users;
    const f = (options.filter ?? "").toLowerCase();
    const all = await this.users({ pageSize: SEARCH_BATCH, signal: options.signal });
    return all.filter((u) => u.username.toLowerCase().includes(f) || (u.fullname ?? "").toLowerCase().includes(f));
  }

  /** Adds a user; the password is sent in the POST body only and never appears in errors. */
  async addUser(username: string, password: string, options: { fullname?: string; email?: string; description?: string; signal?: AbortSignal } = {}): Promise<AdminStatus> {
    const { signal, ...details } = options;
    name(password, "password");
    return addUser(this.#adminUrl, { ...this.#call, signal, user: { username: name(username, "username"), password, ...details } });
  }

  /** Removes a user. */
  async removeUser(username: string, options: { signal?: AbortSignal } = {}): Promise<AdminStatus> {
    return removeUser(this.#adminUrl, { ...this.#call, ...options, username: name(username, "username") });
  }

  /** Assigns roles to a user. */
  async assignRoles(username: string, roles: string[], options: { signal?: AbortSignal } = {}): Promise<AdminStatus> {
    return assignRoles(this.#adminUrl, { ...this.#call, ...options, username: name(username, "username"), roles: names(roles, "roles") });
  }

  /** Removes roles from a user. */
  async removeRoles(username: string, roles: string[], options: { signal?: AbortSignal } = {}): Promise<AdminStatus> {
    return removeRoles(this.#adminUrl, { ...this.#call, ...options, username: name(username, "username"), roles: names(roles, "roles") });
  }

  /** How many users the store holds (counted over the paged listing). */
  async count(options: { signal?: AbortSignal } = {}): Promise<number> {
    return (await this.users({ ...options, pageSize: 1000 })).length;
  }

  /** The user's privilege: ACCESS, PUBLISH or ADMINISTER. */
  async privilegeForUser(username: string, options: { signal?: AbortSignal } = {}): Promise<string> {
    return (await getUserPrivilege(this.#adminUrl, { ...this.#call, ...options, username: name(username, "username") })).privilege;
  }
}
