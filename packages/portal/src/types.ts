import type { CallOptions, Progress } from "@arcrest/core";

/** A federated ArcGIS Server site (`portals/self/servers`). */
export interface FederatedServer {
  /** The server's id in the portal. */
  id: string;
  /** Its name (usually host and port). */
  name: string;
  /** The URL users reach the site at, e.g. `https://host/server`. */
  url: string;
  /** The URL for administration, e.g. `https://host:6443/arcgis`. */
  adminUrl: string;
  /** Whether the site hosts the portal's hosted services. */
  isHosted?: boolean;
  /** `ArcGIS`, `ARCGIS_NOTEBOOK_SERVER`, ... */
  serverType: string;
  /** `HOSTING_SERVER`, `FEDERATED_SERVER`, ... */
  serverRole: string;
  /** Server functions, comma-separated (`ImageHosting`, `GeoAnalytics`, ...). */
  serverFunction?: string;
}

/** A group as the portal describes it (`community/groups/<id>`). */
export interface PortalGroupInfo {
  id: string;
  title: string;
  owner: string;
  access: "private" | "org" | "public" | string;
  tags: string[];
  snippet: string | null;
  description?: string | null;
  created?: number;
  modified?: number;
  /** The signed-in user's membership, when a member. */
  userMembership?: { username: string; memberType: "owner" | "admin" | "member" | "none" | string };
  /** Every other key the portal sent. */
  [key: string]: unknown;
}

/** A user as the portal describes them (`community/users/<name>`); the full profile for yourself. */
export interface PortalUserInfo {
  username: string;
  fullName?: string;
  firstName?: string;
  lastName?: string;
  description?: string | null;
  created?: number;
  /** Your own profile only: `org_admin`, `org_publisher`, `org_user` or a custom role id. */
  role?: string;
  /** Your own profile only. */
  privileges?: string[];
  /** Your own profile only: the groups you belong to. */
  groups?: PortalGroupInfo[];
  /** Your own profile only. */
  orgId?: string;
  /** Every other key the portal sent. */
  [key: string]: unknown;
}

/** The organisation (`portals/self`). */
export interface PortalSelf {
  /** Organisation id. */
  id: string;
  /** Organisation name. */
  name: string;
  /** `true` for Portal for ArcGIS (Enterprise), `false` for ArcGIS Online. */
  isPortal: boolean;
  /** Version of the sharing API, e.g. `"2024.1"`. */
  currentVersion: string;
  /** The signed-in user (absent when anonymous). */
  user?: PortalUserInfo;
  /** Utility services the organisation uses (geometry, printTask, geocode, ...). */
  helperServices?: Record<string, unknown>;
  /** ArcGIS Online: the organisation's short name (`ORG` of `ORG.maps.arcgis.com`). */
  urlKey?: string | null;
  /** Every other key the portal sent. */
  [key: string]: unknown;
}

/** An item as the portal describes it (`content/items/<id>`). */
export interface PortalItemInfo {
  /** 32 hexadecimal characters. */
  id: string;
  owner: string;
  title: string;
  /** `Feature Service`, `Map Service`, `Web Map`, `CSV`, ... */
  type: string;
  typeKeywords: string[];
  tags: string[];
  snippet: string | null;
  description: string | null;
  /** The service URL of service items, else `null`. */
  url: string | null;
  access: "private" | "shared" | "org" | "public" | string;
  created: number;
  modified: number;
  /** Folder id of the item in its owner's content (`null`: the root folder). */
  ownerFolder?: string | null;
  size?: number;
  numViews?: number;
  /** Every other key the portal sent. */
  [key: string]: unknown;
}

/** A folder of a user's content. */
export interface PortalFolder {
  /** Folder id. */
  id: string;
  /** Folder title. */
  title: string;
  /** The owner. */
  username: string;
  created?: number;
}

/** A file stored with an item (`content/items/<id>/resources`). */
export interface ItemResource {
  /** Its path within the item, e.g. `images/thumb.png`. */
  resource: string;
  created: number;
  size: number;
  access?: string;
}

/** One page of a portal search: `start` is 1-based; `nextStart` is -1 after the last page. */
export interface SearchPage<T> {
  query?: string;
  total: number;
  start: number;
  num: number;
  nextStart: number;
  results: T[];
}

/** Options of the searches (`searchItems`, `searchUsers`, `searchGroups`). */
export interface SearchOptions extends CallOptions {
  /** The portal query, e.g. `owner:jsmith type:"Feature Service"`; default `*` (everything visible). */
  q?: string;
  /** Field(s) to sort by, e.g. `title` or `modified,title`. */
  sortField?: string;
  /** `asc` (default) or `desc`. */
  sortOrder?: "asc" | "desc";
  /** Results per request, 1 to 100. Default 100. */
  pageSize?: number;
  /** Called after each page with the results read so far and the portal's `total`. */
  onProgress?: (progress: Progress) => void;
}

/** Options of paged listings that take no query (group content, item resources). */
export type ListOptions = Omit<SearchOptions, "q">;

/** What an item is created from ({@link Portal.addItem}). */
export interface NewItem {
  title: string;
  /** `CSV`, `Web Map`, `Feature Service`, ... */
  type: string;
  tags?: string[];
  snippet?: string;
  description?: string;
  typeKeywords?: string[];
  /** The item's data: a JSON value (sent as `text`), a string, or a file (`Blob`, sent as `file`). */
  data?: unknown;
  /** The service URL of a service item. */
  url?: string;
}

/** What {@link PortalItem.update} changes. */
export type ItemUpdate = Partial<Omit<NewItem, "type">>;

/** Where to share an item ({@link PortalItem.share}). */
export interface ShareTargets {
  /** Share publicly. */
  everyone?: boolean;
  /** Share with the whole organisation. */
  org?: boolean;
  /** Group ids to share with (you must be a member of each). */
  groups?: string[];
}

/** The portal's answer to a share: the groups it could not share with (empty on success). */
export interface ShareResult {
  itemId: string;
  notSharedWith: string[];
}
