/**
 * The package's public surface, listed name by name: a new or removed export changes a
 * snapshot below, so growth is reviewed. Runtime names come from the module itself; type
 * names (which do not exist at runtime) from the entry file's `export type { ... }` and
 * `type X` specifiers. Entry files name every export: no `export *`.
 */
import { describe, expect, it } from "vitest";
import { entryReader } from "../../../scripts/entry-names.js";

const { typeNames, hasStarExport } = entryReader(import.meta.url);

describe("exported names of @arcrest/admin", () => {
  it("@arcrest/admin: values", async () => {
    expect(Object.keys(await import("@arcrest/admin")).sort()).toMatchInlineSnapshot(`
      [
        "AdminError",
        "AdminFolder",
        "AdminService",
        "AmbiguousServiceError",
        "ArcServerAdmin",
        "DataStore",
        "EditConflictError",
        "FolderNotFoundError",
        "RoleStore",
        "ServiceNotFoundError",
        "UserStore",
        "addPermission",
        "addRole",
        "addUser",
        "addUsersToRole",
        "assignRoles",
        "createFolder",
        "deleteFolder",
        "editService",
        "findDataItems",
        "getClusters",
        "getDataRootItems",
        "getFolder",
        "getLogSettings",
        "getMachines",
        "getPermissions",
        "getRoles",
        "getSecurityConfig",
        "getService",
        "getServiceStatus",
        "getUserPrivilege",
        "getUsers",
        "getUsersWithinRole",
        "queryLogPage",
        "queryLogs",
        "registerDataItem",
        "removeRole",
        "removeRoles",
        "removeUser",
        "removeUsersFromRole",
        "searchRoles",
        "searchUsers",
        "startService",
        "stopService",
        "unregisterDataItem",
        "validateDataItem",
      ]
    `);
  });
  it("@arcrest/admin: types", () => {
    expect(hasStarExport("src/index.ts")).toBe(false);
    expect(typeNames("src/index.ts")).toMatchInlineSnapshot(`
      [
        "AddPermissionOptions",
        "AddRoleOptions",
        "AddUserOptions",
        "AddUsersToRoleOptions",
        "AdminAuth",
        "AdminConnectOptions",
        "AdminRole",
        "AdminStatus",
        "AdminUser",
        "AssignRolesOptions",
        "BatchOptions",
        "BatchResult",
        "CreateFolderOptions",
        "DataItem",
        "DeleteFolderOptions",
        "EditServiceOptions",
        "FindDataItemsOptions",
        "FolderListing",
        "GetClustersOptions",
        "GetDataRootItemsOptions",
        "GetFolderOptions",
        "GetLogSettingsOptions",
        "GetMachinesOptions",
        "GetPermissionsOptions",
        "GetRolesOptions",
        "GetSecurityConfigOptions",
        "GetServiceOptions",
        "GetServiceStatusOptions",
        "GetUserPrivilegeOptions",
        "GetUsersOptions",
        "GetUsersWithinRoleOptions",
        "LogMessage",
        "LogQueryPage",
        "Permission",
        "PermissionSpec",
        "QueryLogPageOptions",
        "QueryLogsOptions",
        "RegisterDataItemOptions",
        "RemoveRoleOptions",
        "RemoveRolesOptions",
        "RemoveUserOptions",
        "RemoveUsersFromRoleOptions",
        "SearchRolesOptions",
        "SearchUsersOptions",
        "ServiceExtension",
        "ServiceJson",
        "ServiceListing",
        "ServiceStatus",
        "ServiceSummary",
        "StartServiceOptions",
        "StopServiceOptions",
        "UnregisterDataItemOptions",
        "ValidateDataItemOptions",
      ]
    `);
  });
});
