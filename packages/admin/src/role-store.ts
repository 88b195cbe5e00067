import { type CallOptions, ValidationError } from "@arcrest/core";
import type { AdminStatus } from "./admin-request.js";
import { addRole } from "./operations/add-role.js";
import { addUsersToRole } from "./operations/add-users-to-role.js";
import { getRoles } from "./operations/get-roles.js";
import { getUsersWithinRole } from "./operations/get-users-within-role.js";
import { removeRole } from "./operations/remove-role.js";
import { removeUsersFromRole } from "./operations/remove-users-from-role.js";
import { searchRoles } from "./operations/search-roles.js";
import type { AdminRole } from "./types.js";

/** Checks a non-empty string argument. */
export function name(value: unknown, parameter: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new ValidationError(parameter, "must be a non-empty string");
  return value;
}

/** Checks a non-empty array of names. */
export function names(value: unknown, parameter: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== "string" || v === "")) {
    throw new ValidationError(parameter, "must be a non-empty array of names");
  }
  return value as string[];
}

/** Checks an optional positive integer. */
export function count(value: unknown, parameter: string): number | undefined {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) > 0)) throw new ValidationError(parameter, `must be a positive integer, got ${String(value)}`);
  return value as number | undefined;
}

/** The site's role store (`/admin/security/roles`). */
export class RoleStore {
  readonly #adminUrl: string;
  readonly #call: CallOptions;

  /** Use `admin.roleStore`. */
  constructor(adminUrl: string, call: CallOptions) {
    this.#adminUrl = adminUrl;
    this.#call = call;
  }

  /** Every role, following `startIndex`/`pageSize`/`hasMore`. */
  async roles(options: { pageSize?: number; signal?: AbortSignal } = {}): Promise<AdminRole[]> {
    const pageSize = count(options.pageSize, "pageSize") ?? 100;
    const all: AdminRole[] = [];
    for (;;) {
      const page = await getRoles(this.#adminUrl, { ...this.#call, signal: options.signal, startIndex: all.length, pageSize });
      all.push(...page.roles);
      if (!page.hasMore || page.roles.length === 0) return all;
    }
  }

  /** Roles whose name contains `filter` (at most `maxCount`; the server does not page searches). */
  async searchRoles(options: { filter?: string; maxCount?: number; signal?: AbortSignal } = {}): Promise<AdminRole[]> {
    return (await searchRoles(this.#adminUrl, { ...this.#call, ...options, maxCount: count(options.maxCount, "maxCount") })).roles;
  }

  /** Adds a role. */
  async addRole(rolename: string, options: { description?: string; signal?: AbortSignal } = {}): Promise<AdminStatus> {
    return addRole(this.#adminUrl, { ...this.#call, signal: options.signal, role: { rolename: name(rolename, "rolename"), description: options.description } });
  }

  /** Removes a role. */
  async removeRole(rolename: string, options: { signal?: AbortSignal } = {}): Promise<AdminStatus> {
    return removeRole(this.#adminUrl, { ...this.#call, ...options, rolename: name(rolename, "rolename") });
  }

  /** Adds users to a role. */
  async addUsersToRole(rolename: string, users: string[], options: { signal?: AbortSignal } = {}): Promise<AdminStatus> {
    return addUsersToRole(this.#adminUrl, { ...this.#call, ...options, rolename: name(rolename, "rolename"), users: names(users, "users") });
  }

  /** Removes users from a role. */
  async removeUsersFromRole(rolename: string, users: string[], options: { signal?: AbortSignal } = {}): Promise<AdminStatus> {
    return removeUsersFromRole(this.#adminUrl, { ...this.#call, ...options, rolename: name(rolename, "rolename"), users: names(users, "users") });
  }

  /** User names in a role; without `maxCount` asks for up to 10,000 (the server does not page this). */
  async usersWithinRole(rolename: string, options: { filter?: string; maxCount?: number; signal?: AbortSignal } = {}): Promise<string[]> {
    const maxCount = count(options.maxCount, "maxCount") ?? 10_000;
    return (await getUsersWithinRole(this.#adminUrl, { ...this.#call, ...options, rolename: name(rolename, "rolename"), maxCount })).users;
  }
}
