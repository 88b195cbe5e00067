/**
 * `@arcrest/portal`: Portal for ArcGIS and ArcGIS Online — sign-in, `portals/self`, federated
 * servers (server tokens exchanged from the portal token, never the portal token itself), paged
 * item/user/group searches, items (data, resources, add, update, delete, share, move), users,
 * groups and group content, and Feature Service items opened as `@arcrest/query` layers.
 *
 * @packageDocumentation
 */

// Facades.
export { Portal, type PortalConnectOptions, type AddPortalItemOptions, type FeatureLayerOptions } from "./portal.js";
export { PortalItem } from "./portal-item.js";
export { PortalGroup } from "./portal-group.js";
export type { PortalContext } from "./portal-context.js";
export { portalUrls, type PortalUrls } from "./portal-url.js";
export { FederatedTokenProvider } from "./auth/federated-token-provider.js";

// Plain functions, one per REST operation.
export { getSelf } from "./operations/get-self.js";
export { getServers } from "./operations/get-servers.js";
export { exchangeToken, type ExchangeTokenOptions } from "./operations/exchange-token.js";
export { searchItems } from "./operations/search-items.js";
export { searchUsers } from "./operations/search-users.js";
export { searchGroups } from "./operations/search-groups.js";
export { getItem } from "./operations/get-item.js";
export { getItemData } from "./operations/get-item-data.js";
export { getItemResources } from "./operations/get-item-resources.js";
export { addItem, type AddItemOptions, type AddItemResult } from "./operations/add-item.js";
export { updateItem } from "./operations/update-item.js";
export { deleteItem } from "./operations/delete-item.js";
export { shareItem } from "./operations/share-item.js";
export { moveItem, type MoveItemResult } from "./operations/move-item.js";
export { getUser } from "./operations/get-user.js";
export { getUserContent, type UserContentOptions, type UserContent } from "./operations/get-user-content.js";
export { getGroup } from "./operations/get-group.js";
export { getGroupContent } from "./operations/get-group-content.js";
export type { ItemCallOptions } from "./item-call.js";

// Errors.
export { ItemNotFoundError } from "./errors/item-not-found-error.js";
export { ItemShareError } from "./errors/item-share-error.js";

// Types.
export type {
  FederatedServer,
  PortalSelf,
  PortalItemInfo,
  PortalUserInfo,
  PortalGroupInfo,
  PortalFolder,
  ItemResource,
  SearchPage,
  SearchOptions,
  ListOptions,
  NewItem,
  ItemUpdate,
  ShareTargets,
  ShareResult,
} from "./types.js";
