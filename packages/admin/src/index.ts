/**
 * @arcrest/admin — ArcGIS Server administration (the seed's `restapi.admin`): a facade
 * ({@link ArcServerAdmin}) over one function per Administrator API operation.
 * @packageDocumentation
 */
export { ArcServerAdmin, type AdminAuth, type AdminConnectOptions, type BatchOptions, type PermissionSpec } from "./arc-server-admin.js";
export { AdminService } from "./admin-service.js";
export { AdminFolder } from "./admin-folder.js";
export { RoleStore } from "./role-store.js";
export { UserStore } from "./user-store.js";
export { DataStore } from "./data-store.js";
export { queryLogs, type QueryLogsOptions } from "./query-logs.js";
export type { AdminStatus } from "./admin-request.js";
export { AdminError } from "./errors/admin-error.js";
export { ServiceNotFoundError } from "./errors/service-not-found-error.js";
export { AmbiguousServiceError } from "./errors/ambiguous-service-error.js";
export { FolderNotFoundError } from "./errors/folder-not-found-error.js";
export { EditConflictError } from "./errors/edit-conflict-error.js";
export type {
  AdminRole,
  AdminUser,
  BatchResult,
  DataItem,
  FolderListing,
  LogMessage,
  LogQueryPage,
  Permission,
  ServiceExtension,
  ServiceJson,
  ServiceListing,
  ServiceStatus,
  ServiceSummary,
} from "./types.js";
export { getFolder, type GetFolderOptions } from "./operations/get-folder.js";
export { getService, type GetServiceOptions } from "./operations/get-service.js";
export { getServiceStatus, type GetServiceStatusOptions } from "./operations/get-service-status.js";
export { startService, type StartServiceOptions } from "./operations/start-service.js";
export { stopService, type StopServiceOptions } from "./operations/stop-service.js";
export { editService, type EditServiceOptions } from "./operations/edit-service.js";
export { createFolder, type CreateFolderOptions } from "./operations/create-folder.js";
export { deleteFolder, type DeleteFolderOptions } from "./operations/delete-folder.js";
export { addPermission, type AddPermissionOptions } from "./operations/add-permission.js";
export { getPermissions, type GetPermissionsOptions } from "./operations/get-permissions.js";
export { queryLogPage, type QueryLogPageOptions } from "./operations/query-log-page.js";
export { getDataRootItems, type GetDataRootItemsOptions } from "./operations/get-data-root-items.js";
export { findDataItems, type FindDataItemsOptions } from "./operations/find-data-items.js";
export { validateDataItem, type ValidateDataItemOptions } from "./operations/validate-data-item.js";
export { registerDataItem, type RegisterDataItemOptions } from "./operations/register-data-item.js";
export { unregisterDataItem, type UnregisterDataItemOptions } from "./operations/unregister-data-item.js";
export { getUsers, type GetUsersOptions } from "./operations/get-users.js";
export { searchUsers, type SearchUsersOptions } from "./operations/search-users.js";
export { addUser, type AddUserOptions } from "./operations/add-user.js";
export { removeUser, type RemoveUserOptions } from "./operations/remove-user.js";
export { assignRoles, type AssignRolesOptions } from "./operations/assign-roles.js";
export { removeRoles, type RemoveRolesOptions } from "./operations/remove-roles.js";
export { getUserPrivilege, type GetUserPrivilegeOptions } from "./operations/get-user-privilege.js";
export { getRoles, type GetRolesOptions } from "./operations/get-roles.js";
export { searchRoles, type SearchRolesOptions } from "./operations/search-roles.js";
export { addRole, type AddRoleOptions } from "./operations/add-role.js";
export { removeRole, type RemoveRoleOptions } from "./operations/remove-role.js";
export { addUsersToRole, type AddUsersToRoleOptions } from "./operations/add-users-to-role.js";
export { removeUsersFromRole, type RemoveUsersFromRoleOptions } from "./operations/remove-users-from-role.js";
export { getUsersWithinRole, type GetUsersWithinRoleOptions } from "./operations/get-users-within-role.js";
export { getMachines, type GetMachinesOptions } from "./operations/get-machines.js";
export { getClusters, type GetClustersOptions } from "./operations/get-clusters.js";
export { getSecurityConfig, type GetSecurityConfigOptions } from "./operations/get-security-config.js";
export { getLogSettings, type GetLogSettingsOptions } from "./operations/get-log-settings.js";
