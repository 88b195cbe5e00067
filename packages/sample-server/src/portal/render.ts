import type { SearchDoc } from "./search.js";
import type { PortalState, StoredGroup, StoredItem, StoredUser } from "./state.js";

/** Absolute URL of an item's service (`/arcgis/...` paths are on this server). */
function absolute(url: string | null, baseUrl: string): string | null {
  return url !== null && url.startsWith("/") ? `${baseUrl}${url}` : url;
}

/** Item JSON as `content/items/<id>` and search results give it (keys of the Portal item resource). */
export function itemJson(item: StoredItem, baseUrl: string): Record<string, unknown> {
  return {
    id: item.id,
    owner: item.owner,
    orgId: "arcrestSampleOrg",
    created: item.created,
    modified: item.modified,
    guid: null,
    name: item.data && item.type === "CSV" ? `${item.title.replace(/\W+/g, "_")}.csv` : null,
    title: item.title,
    type: item.type,
    typeKeywords: item.typeKeywords,
    description: item.description,
    tags: item.tags,
    snippet: item.snippet,
    thumbnail: null,
    documentation: null,
    extent: item.url ? [[-124.4, 32.5], [-114.1, 42.0]] : [],
    categories: [],
    spatialReference: null,
    accessInformation: null,
    licenseInfo: null,
    culture: "en-us",
    properties: null,
    url: absolute(item.url, baseUrl),
    proxyFilter: null,
    access: item.access,
    size: item.data ? (typeof item.data.body === "string" ? new TextEncoder().encode(item.data.body).byteLength : item.data.body.byteLength) : -1,
    appCategories: [],
    industries: [],
    languages: [],
    largeThumbnail: null,
    banner: null,
    screenshots: [],
    listed: false,
    ownerFolder: item.folder ?? null,
    protected: false,
    commentsEnabled: true,
    numComments: 0,
    numRatings: 0,
    avgRating: 0,
    numViews: item.numViews,
  };
}

/** Searchable fields of an item. */
export function itemDoc(item: StoredItem): SearchDoc {
  return {
    id: item.id,
    owner: item.owner,
    title: item.title,
    type: item.type,
    typekeywords: item.typeKeywords,
    tags: item.tags,
    snippet: item.snippet ?? undefined,
    description: item.description ?? undefined,
    access: item.access,
    group: item.groups,
    groups: item.groups,
    orgid: "arcrestsampleorg",
    created: item.created,
    modified: item.modified,
    numviews: item.numViews,
  };
}

/** Whether `username` (undefined: anonymous) may see `item`. */
export function canSeeItem(state: PortalState, item: StoredItem, username: string | undefined): boolean {
  if (item.access === "public") return true;
  if (username === undefined) return false;
  if (item.owner === username || state.users.get(username)?.role === "org_admin") return true;
  if (item.access === "org") return true;
  return item.groups.some((id) => state.groups.get(id)?.members.has(username) ?? false);
}

/** Group JSON (keys of the Portal group resource); `userMembership` for a signed-in member. */
export function groupJson(group: StoredGroup, username: string | undefined): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: group.id,
    title: group.title,
    isInvitationOnly: false,
    owner: group.owner,
    description: "",
    snippet: group.snippet,
    tags: group.tags,
    phone: "",
    sortField: "title",
    sortOrder: "asc",
    isViewOnly: false,
    isFav: false,
    isOpenData: false,
    thumbnail: null,
    created: group.created,
    modified: group.created,
    provider: null,
    providerGroupName: null,
    isReadOnly: false,
    access: group.access,
    capabilities: [],
    protected: false,
    autoJoin: false,
    notificationsEnabled: false,
  };
  if (username !== undefined && group.members.has(username)) {
    json.userMembership = { username, memberType: group.owner === username ? "owner" : "member", applications: 0 };
  }
  return json;
}

/** Searchable fields of a group. */
export function groupDoc(group: StoredGroup): SearchDoc {
  return { id: group.id, title: group.title, owner: group.owner, tags: group.tags, snippet: group.snippet, access: group.access, created: group.created };
}

/** Whether `username` may see `group`. */
export function canSeeGroup(group: StoredGroup, username: string | undefined): boolean {
  if (group.access === "public") return true;
  if (username === undefined) return false;
  return group.access === "org" || group.members.has(username);
}

const PRIVILEGES: Record<StoredUser["role"], string[]> = {
  org_admin: ["portal:admin:viewUsers", "portal:admin:updateItems", "portal:admin:deleteItems", "portal:publisher:publishFeatures", "portal:user:createItem", "portal:user:shareToGroup", "portal:user:shareToOrg", "portal:user:shareToPublic"],
  org_publisher: ["portal:publisher:publishFeatures", "portal:user:createItem", "portal:user:shareToGroup", "portal:user:shareToOrg"],
  org_user: ["portal:user:createItem", "portal:user:shareToGroup"],
};

/**
 * User JSON (keys of `community/users/<name>`): the full profile for the user themself,
 * the public part (username, fullName, description, tags, created...) for others.
 */
export function userJson(state: PortalState, user: StoredUser, viewer: string | undefined): Record<string, unknown> {
  const [firstName, ...rest] = user.fullName.split(" ");
  const json: Record<string, unknown> = {
    username: user.username,
    udn: null,
    id: user.username.replace(/[^a-z0-9]/gi, "").padEnd(16, "0").slice(0, 32),
    fullName: user.fullName,
    firstName,
    lastName: rest.join(" "),
    description: null,
    tags: [],
    culture: "en",
    region: "US",
    units: "english",
    thumbnail: null,
    created: user.created,
    modified: user.created,
    provider: "arcgis",
  };
  if (viewer !== user.username) return json;
  return {
    ...json,
    preferredView: null,
    email: `${user.username}@example.com`,
    idpUsername: null,
    favGroupId: null,
    lastLogin: Date.now(),
    mfaEnabled: false,
    access: "org",
    storageUsage: 0,
    storageQuota: 2147483648,
    orgId: "arcrestSampleOrg",
    role: user.role,
    roleId: user.role,
    privileges: PRIVILEGES[user.role],
    level: user.role === "org_user" ? "1" : "2",
    disabled: false,
    groups: [...state.groups.values()].filter((g) => g.members.has(user.username)).map((g) => groupJson(g, user.username)),
  };
}

/** Searchable fields of a user. */
export function userDoc(user: StoredUser): SearchDoc {
  return { username: user.username, fullname: user.fullName, role: user.role, created: user.created, orgid: "arcrestsampleorg" };
}
