import type { RequestContext } from "../context.js";
import { jsonReply, type Reply } from "../http/reply.js";
import { adminErrorReply, successReply } from "./replies.js";
import type { AdminState, AdminUser } from "./state.js";

function publicUser(user: AdminUser): Record<string, unknown> {
  return { username: user.username, fullname: user.fullname, email: user.email, description: user.description, disabled: false };
}

function page<T>(items: T[], params: Record<string, string>): { items: T[]; hasMore: boolean } {
  const start = Math.max(0, Number(params.startIndex ?? 0) || 0);
  const size = Math.max(1, Number(params.pageSize ?? 10) || 10);
  return { items: items.slice(start, start + size), hasMore: start + size < items.length };
}

function list(value: string | undefined): string[] {
  return (value ?? "").split(",").map((v) => v.trim()).filter(Boolean);
}

function matches(filter: string | undefined, ...values: string[]): boolean {
  const f = (filter ?? "").toLowerCase();
  return f === "" || values.some((v) => v.toLowerCase().includes(f));
}

function maxCount(params: Record<string, string>): number {
  const n = Number(params.maxCount);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

/** `/admin/security/users/<op>`. */
export function usersReply(ctx: RequestContext, admin: AdminState, op: string): Reply | undefined {
  const { params } = ctx;
  const all = [...admin.users.values()].sort((a, b) => a.username.localeCompare(b.username));
  const user = params.username ? admin.users.get(params.username.toLowerCase()) : undefined;
  const missing = (): Reply => adminErrorReply(404, [`User '${params.username ?? ""}' does not exist in the user store.`], params);
  switch (op) {
    case "getusers": {
      const { items, hasMore } = page(all, params);
      return jsonReply({ users: items.map(publicUser), hasMore }, params);
    }
    case "search": {
      const found = all.filter((u) => matches(params.filter, u.username, u.fullname));
      const n = maxCount(params);
      return jsonReply({ users: found.slice(0, n).map(publicUser), hasMore: found.length > n }, params);
    }
    case "add": {
      let spec: Partial<AdminUser>;
      try {
        spec = JSON.parse(params.user ?? "") as Partial<AdminUser>;
      } catch {
        return adminErrorReply(400, ["The 'user' parameter is not valid JSON."], params);
      }
      if (!spec.username || !spec.password) return adminErrorReply(400, ["A user needs a username and a password."], params);
      if (admin.users.has(spec.username.toLowerCase())) return adminErrorReply(409, [`User '${spec.username}' already exists.`], params);
      admin.users.set(spec.username.toLowerCase(), {
        username: spec.username, password: spec.password, fullname: spec.fullname ?? "", email: spec.email ?? "", description: spec.description ?? "", roles: [],
      });
      return successReply(params);
    }
    case "remove":
      if (!user) return missing();
      admin.users.delete(user.username.toLowerCase());
      return successReply(params);
    case "assignroles": {
      if (!user) return missing();
      const roles = list(params.roles);
      const unknown = roles.filter((r) => !admin.roles.has(r.toLowerCase()));
      if (unknown.length) return adminErrorReply(404, [`Role(s) ${unknown.join(", ")} do not exist.`], params);
      user.roles = [...new Set([...user.roles, ...roles.map((r) => r.toLowerCase())])];
      return successReply(params);
    }
    case "removeroles":
      if (!user) return missing();
      user.roles = user.roles.filter((r) => !list(params.roles).some((x) => x.toLowerCase() === r));
      return successReply(params);
    case "getprivilege":
      if (!user) return missing();
      return jsonReply({ privilege: user.username in ctx.state.users ? "ADMINISTER" : user.roles.length ? "PUBLISH" : "ACCESS" }, params);
    default:
      return undefined;
  }
}

/** `/admin/security/roles/<op>`. */
export function rolesReply(ctx: RequestContext, admin: AdminState, op: string): Reply | undefined {
  const { params } = ctx;
  const all = [...admin.roles.values()].sort((a, b) => a.rolename.localeCompare(b.rolename));
  const role = params.rolename ? admin.roles.get(params.rolename.toLowerCase()) : undefined;
  const missing = (): Reply => adminErrorReply(404, [`Role '${params.rolename ?? ""}' does not exist in the role store.`], params);
  switch (op) {
    case "getroles": {
      const { items, hasMore } = page(all, params);
      return jsonReply({ roles: items, hasMore }, params);
    }
    case "search": {
      const found = all.filter((r) => matches(params.filter, r.rolename));
      const n = maxCount(params);
      return jsonReply({ roles: found.slice(0, n), hasMore: found.length > n }, params);
    }
    case "add": {
      let spec: { rolename?: string; description?: string };
      try {
        spec = JSON.parse(params.role ?? "") as typeof spec;
      } catch {
        return adminErrorReply(400, ["The 'role' parameter is not valid JSON."], params);
      }
      if (!spec.rolename) return adminErrorReply(400, ["A role needs a rolename."], params);
      if (admin.roles.has(spec.rolename.toLowerCase())) return adminErrorReply(409, [`Role '${spec.rolename}' already exists.`], params);
      admin.roles.set(spec.rolename.toLowerCase(), { rolename: spec.rolename, description: spec.description ?? "" });
      return successReply(params);
    }
    case "remove":
      if (!role) return missing();
      admin.roles.delete(role.rolename.toLowerCase());
      for (const user of admin.users.values()) user.roles = user.roles.filter((r) => r !== role.rolename.toLowerCase());
      return successReply(params);
    case "adduserstorole":
    case "removeusersfromrole": {
      if (!role) return missing();
      const names = list(params.users);
      const unknown = names.filter((n) => !admin.users.has(n.toLowerCase()));
      if (unknown.length) return adminErrorReply(404, [`User(s) ${unknown.join(", ")} do not exist.`], params);
      const key = role.rolename.toLowerCase();
      for (const name of names) {
        const user = admin.users.get(name.toLowerCase()) as AdminUser;
        user.roles = op === "adduserstorole" ? [...new Set([...user.roles, key])] : user.roles.filter((r) => r !== key);
      }
      return successReply(params);
    }
    case "getuserswithinrole": {
      if (!role) return missing();
      const key = role.rolename.toLowerCase();
      const users = [...admin.users.values()].filter((u) => u.roles.includes(key) && matches(params.filter, u.username)).map((u) => u.username).sort();
      return jsonReply({ users: users.slice(0, maxCount(params)) }, params);
    }
    default:
      return undefined;
  }
}
