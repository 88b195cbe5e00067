import { TokenStore, type IssuedToken, type TokenController } from "../auth/tokens.js";
import { createPrng, type Prng } from "../data/prng.js";

/** Number of generated items (at least 500, so searches page). */
export const PORTAL_ITEM_COUNT = 520;

/** One portal item as stored. `url` starting with "/" is relative to the server's base URL. */
export interface StoredItem {
  id: string;
  owner: string;
  /** Folder id, or undefined for the owner's root folder. */
  folder: string | undefined;
  title: string;
  type: string;
  typeKeywords: string[];
  tags: string[];
  snippet: string | null;
  description: string | null;
  url: string | null;
  access: "private" | "shared" | "org" | "public";
  /** Group ids the item is shared with. */
  groups: string[];
  created: number;
  modified: number;
  numViews: number;
  /** Item data (`content/items/<id>/data`): JSON text or file bytes. */
  data: { contentType: string; body: string | Uint8Array } | undefined;
  /** Item resources, by name. */
  resources: { name: string; created: number; size: number }[];
}

/** One portal user. */
export interface StoredUser {
  username: string;
  fullName: string;
  role: "org_admin" | "org_publisher" | "org_user";
  created: number;
  /** Folders: id → title. */
  folders: Map<string, string>;
}

/** One portal group. */
export interface StoredGroup {
  id: string;
  title: string;
  owner: string;
  tags: string[];
  snippet: string;
  access: "private" | "org" | "public";
  created: number;
  /** Usernames of members (the owner included). */
  members: Set<string>;
}

/** A request to the federated server that carried a portal token (must never happen). */
export interface PortalTokenLeak {
  /** HTTP method. */
  method: string;
  /** Path requested under /arcgis. */
  path: string;
  /** The portal user whose token it was. */
  username: string;
}

/** Everything the portal part of the sample server knows. */
export interface PortalState {
  /** portals/self id. */
  id: string;
  /** Portal tokens (distinct from the federated server's tokens). */
  tokens: TokenStore;
  /** Every portal token ever issued → its user (expired ones too), to spot leaks. */
  issued: Map<string, string>;
  /** Server tokens issued by the serverUrl exchange → user (their lifetime is the server token store's). */
  exchanged: Map<string, string>;
  users: Map<string, StoredUser>;
  groups: Map<string, StoredGroup>;
  /** Items in creation order. */
  items: Map<string, StoredItem>;
  /** Requests under /arcgis that carried a portal token. */
  leaks: PortalTokenLeak[];
  /** Makes new 32-hex ids. */
  rng: Prng;
}

const ITEM_TYPES = ["Feature Service", "Map Service", "Web Map", "CSV", "PDF", "Web Mapping Application"] as const;
const TOPICS = ["Hydrology", "Parcels", "Transportation", "Zoning", "Utilities", "Elevation", "Census", "Parks"];
const PLACES = ["Sacramento", "Minneapolis", "Redlands", "San Francisco", "Hennepin", "Austin", "Denver", "Portland"];
const GROUP_NAMES = ["GIS Team", "Field Crews", "Planning", "Public Works", "Open Data", "Emergency", "Water", "Roads", "Parks Dept", "Assessors", "Interns", "Board"];
/** Services of the sample server items point at (same origin). */
const FEATURE_SERVICE_URL = "/arcgis/rest/services/SanFrancisco/311Incidents/FeatureServer";
const MAP_SERVICE_URLS = ["/arcgis/rest/services/ahps_gauges/MapServer", "/arcgis/rest/services/Secure/Parcels/MapServer"];
const EPOCH = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;

/** A new 32-hex-digit id. */
export function newId(rng: Prng): string {
  let id = "";
  for (let i = 0; i < 4; i++) id += rng.int(0, 0xffffffff).toString(16).padStart(8, "0");
  return id;
}

function makeUsers(signInUsers: string[]): Map<string, StoredUser> {
  const users = new Map<string, StoredUser>();
  signInUsers.forEach((username, i) => {
    users.set(username, { username, fullName: `${username} (sample)`, role: i === 0 ? "org_admin" : "org_publisher", created: EPOCH, folders: new Map() });
  });
  for (let i = 1; i <= 40; i++) {
    const username = `user${String(i).padStart(3, "0")}`;
    if (!users.has(username)) users.set(username, { username, fullName: `Sample User ${i}`, role: i % 5 === 0 ? "org_publisher" : "org_user", created: EPOCH + i * DAY, folders: new Map() });
  }
  return users;
}

function makeGroups(rng: Prng, main: string, users: string[]): Map<string, StoredGroup> {
  const groups = new Map<string, StoredGroup>();
  GROUP_NAMES.forEach((title, i) => {
    const owner = i < 3 ? main : users[(i * 3) % users.length];
    const members = new Set([owner, users[i % users.length], users[(i + 7) % users.length]]);
    // The main user is a member of the first six groups only.
    if (i < 6) members.add(main);
    const id = newId(rng);
    groups.set(id, {
      id,
      title,
      owner,
      tags: [title.split(" ")[0].toLowerCase(), "sample"],
      snippet: `The ${title} group`,
      access: i % 3 === 0 ? "public" : "org",
      created: EPOCH + i * DAY,
      members,
    });
  });
  return groups;
}

function makeItem(rng: Prng, i: number, owner: string, groupIds: string[]): StoredItem {
  const type = ITEM_TYPES[i % ITEM_TYPES.length];
  const topic = TOPICS[i % TOPICS.length];
  const place = PLACES[Math.floor(i / TOPICS.length) % PLACES.length];
  const isService = type === "Feature Service" || type === "Map Service";
  const url = type === "Feature Service" ? FEATURE_SERVICE_URL : type === "Map Service" ? MAP_SERVICE_URLS[i % 2] : null;
  const created = EPOCH + i * 3_600_000;
  const accessCycle = ["public", "org", "shared", "private"] as const;
  const access = accessCycle[i % 4];
  const data = type === "Web Map"
    ? { contentType: "application/json", body: JSON.stringify({ operationalLayers: [{ id: `layer${i}`, title: topic, url: `${MAP_SERVICE_URLS[0]}/0` }], baseMap: { title: "Topographic", baseMapLayers: [] }, version: "2.31" }) }
    : type === "CSV"
      ? { contentType: "text/csv", body: `id,name\n${i},${topic} ${place}\n` }
      : undefined;
  return {
    id: newId(rng),
    owner,
    folder: undefined,
    title: `${topic} ${place} ${String(i).padStart(3, "0")}`,
    type,
    typeKeywords: isService ? ["ArcGIS Server", "Data", "Service", type] : [type.split(" ")[0]],
    tags: [topic.toLowerCase(), place.toLowerCase(), "sample"],
    snippet: `${topic} for ${place}`,
    description: null,
    url,
    access,
    groups: access === "shared" ? [groupIds[(i >> 2) % groupIds.length]] : [],
    created,
    modified: created + rng.int(0, 30) * DAY,
    numViews: rng.int(0, 5000),
    data,
    resources: i % 10 === 0 ? [{ name: "notes.txt", created, size: 42 }, { name: "images/thumb.png", created, size: 1024 }] : [],
  };
}

/**
 * The portal's deterministic content: users (the server's sign-in users first; the first is an
 * org admin), 12 groups (the first sign-in user owns three and belongs to six) and
 * {@link PORTAL_ITEM_COUNT} items, half of them owned by the first sign-in user.
 */
export function createPortalState(seed: number, signInUsers: string[], tokenTtlSeconds: number): PortalState {
  const rng = createPrng(seed * 104_729 + 14);
  const users = makeUsers(signInUsers);
  const usernames = [...users.keys()];
  const main = usernames[0];
  const groups = makeGroups(rng, main, usernames.slice(1));
  const mainUser = users.get(main);
  if (mainUser) {
    mainUser.folders.set(newId(rng), "Projects");
    mainUser.folders.set(newId(rng), "Archive");
  }
  const groupIds = [...groups.keys()];
  const items = new Map<string, StoredItem>();
  for (let i = 0; i < PORTAL_ITEM_COUNT; i++) {
    const owner = i % 2 === 0 ? main : usernames[1 + (i % (usernames.length - 1))];
    const item = makeItem(rng, i, owner, groupIds);
    items.set(item.id, item);
  }
  return { id: newId(rng).slice(0, 16), tokens: new TokenStore(tokenTtlSeconds), issued: new Map(), exchanged: new Map(), users, groups, items, leaks: [], rng };
}

/** Issues a portal token and remembers whose it is (so a leak to the federated server is recognised). */
export function issuePortalToken(state: PortalState, username: string, ttlSeconds?: number): IssuedToken {
  const issued = state.tokens.issue(username, ttlSeconds);
  state.issued.set(issued.token, username);
  return issued;
}

/** The portal's tokens as tests control them. */
export function portalTokenController(state: PortalState): TokenController {
  return {
    issue: (username, ttlSeconds) => issuePortalToken(state, username, ttlSeconds),
    expireAll: () => state.tokens.expireAll(),
    revoke: (token) => state.tokens.revoke(token),
  };
}

/**
 * The user of a server token the portal issued through the `serverUrl` exchange and that is still valid
 * on the federated server (`serverTokens`), else undefined. The federated server's admin API accepts
 * these, as a federated ArcGIS Server accepts the portal's server tokens; it never accepts portal tokens.
 */
export function exchangedTokenUser(state: PortalState, serverTokens: TokenStore, token: string): string | undefined {
  return state.exchanged.has(token) ? serverTokens.validate(token) : undefined;
}
