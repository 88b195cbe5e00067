import {
  Token,
  ValidationError,
  generateToken,
  getDefaultSession,
  type CallOptions,
  type Session,
} from "@arcrest/core";
import { serverRoot } from "@arcrest/core/internal";
import { ArcServerAdmin } from "@arcrest/admin";
import { MapServiceLayer } from "@arcrest/query";
import { FederatedTokenProvider } from "./auth/federated-token-provider.js";
import { folderId } from "./folder-id.js";
import { addItem } from "./operations/add-item.js";
import { getGroup } from "./operations/get-group.js";
import { getItem } from "./operations/get-item.js";
import { getSelf } from "./operations/get-self.js";
import { getServers } from "./operations/get-servers.js";
import { getUser } from "./operations/get-user.js";
import { searchGroups } from "./operations/search-groups.js";
import { searchItems } from "./operations/search-items.js";
import { searchUsers } from "./operations/search-users.js";
import type { PortalContext } from "./portal-context.js";
import { PortalGroup } from "./portal-group.js";
import { PortalItem } from "./portal-item.js";
import { portalUrls } from "./portal-url.js";
import type { FederatedServer, NewItem, PortalItemInfo, PortalSelf, PortalUserInfo, SearchOptions } from "./types.js";

/** How {@link Portal.connect} signs in: a username and password, a portal token, or a session that already can. */
export interface PortalConnectOptions extends CallOptions {
  /** Sign in with these credentials (the password is sent once, in a POST body, to the portal only). */
  username?: string;
  /** Password for `username`. */
  password?: string;
  /** A token the portal issued. */
  token?: string | Token;
}

/** Options of {@link Portal.addItem}. */
export interface AddPortalItemOptions extends CallOptions {
  /** Folder title or id of your content (default: the root folder). */
  folder?: string;
  /** Whose content (default: the signed-in user). */
  owner?: string;
}

/** Options of {@link Portal.featureLayer}. */
export interface FeatureLayerOptions extends CallOptions {
  /** Layer id within the service when the item URL names a service, not a layer. Default 0. */
  layer?: number;
}

/** Item types {@link Portal.featureLayer} opens. */
const LAYER_ITEM_TYPES = new Set(["feature service", "map service"]);

/**
 * A Portal for ArcGIS or ArcGIS Online organisation (the seed's `Portal`): sign-in, `portals/self`,
 * federated servers with server tokens exchanged from the portal token, item/user/group searches,
 * items (read, add, update, delete, share, move), users and groups.
 *
 * @example
 * ```ts
 * const portal = await Portal.connect("https://host/portal/home", { username, password });
 * portal.self.user?.username;
 * for await (const item of portal.searchItems({ q: 'type:"Feature Service"' })) console.log(item.title, item.url);
 * const layer = await portal.featureLayer(await portal.item(id)); // a MapServiceLayer, federated token handled
 * ```
 */
export class Portal implements PortalContext {
  /** The portal root, e.g. `https://host/portal` or `https://ORG.maps.arcgis.com`. */
  readonly url: string;
  /** Its sharing API, `<url>/sharing/rest`. */
  readonly restUrl: string;
  /** The session holding the portal token (and the server tokens exchanged from it). */
  readonly session: Session;
  /** `portals/self` as read at connect time: organisation, version, helper services, and the signed-in user. */
  readonly self: PortalSelf;
  #servers: Promise<FederatedServer[]> | undefined;

  /**
   * @param url - any URL of the portal
   * @param self - its `portals/self`
   * @param session - the session holding the portal token
   */
  constructor(url: string, self: PortalSelf, session: Session) {
    const urls = portalUrls(url);
    this.url = urls.url;
    this.restUrl = urls.restUrl;
    this.self = self;
    this.session = session;
  }

  /**
   * Connects to a portal: `https://host/portal`, `.../portal/home`, `.../sharing/rest` or an
   * ArcGIS Online organisation (`https://ORG.maps.arcgis.com`), signing in with `{ username, password }`
   * or `{ token }`, or using `{ session }` as it is. Reads `portals/self`.
   * @throws `ValidationError` for a bad URL or half credentials; `ArcGISAuthError` for refused credentials.
   */
  static async connect(url: string, options: PortalConnectOptions = {}): Promise<Portal> {
    const { restUrl } = portalUrls(url);
    const session = options.session ?? getDefaultSession();
    const call = { session, ...(options.signal ? { signal: options.signal } : {}) };
    if ((options.username === undefined) !== (options.password === undefined)) {
      throw new ValidationError(options.username === undefined ? "username" : "password", "give both username and password");
    }
    if (options.token !== undefined) session.authenticate(restUrl, { token: options.token });
    if (options.username !== undefined && options.password !== undefined) {
      await generateToken(restUrl, options.username, options.password, call);
    }
    return new Portal(restUrl, await getSelf(restUrl, call), session);
  }

  /** The signed-in user's name (from `portals/self`), or `undefined` when anonymous. */
  get username(): string | undefined {
    return this.self.user?.username;
  }

  #call(options: CallOptions): CallOptions {
    return { session: options.session ?? this.session, ...(options.signal ? { signal: options.signal } : {}) };
  }

  /** The ArcGIS Server sites federated with the portal (`portals/self/servers`). */
  servers(options: CallOptions = {}): Promise<FederatedServer[]> {
    return getServers(this.restUrl, this.#call(options));
  }

  /**
   * Makes the session get tokens for `server` by exchanging the portal token (`generateToken` with
   * `serverUrl`), for the server's `url` and `adminUrl` roots only (in `session`, default the portal's). Done by {@link Portal.featureLayer}
   * for federated servers; call it yourself before using another package on a federated server.
   */
  federate(server: FederatedServer, session: Session = this.session): void {
    if (typeof server?.url !== "string") throw new ValidationError("server", "give a server from portal.servers()");
    const provider = new FederatedTokenProvider(this.restUrl, server.url);
    for (const url of new Set([server.url, server.adminUrl].filter((u): u is string => typeof u === "string"))) {
      if (serverRoot(url).toLowerCase() === this.url.toLowerCase()) continue;
      session.setTokenProvider(url, provider);
    }
  }

  /**
   * An `ArcServerAdmin` (from `@arcrest/admin`) for a federated server, in this portal's session: its admin requests carry
   * a server token exchanged from the portal token (`generateToken` with `serverUrl`), scoped to that
   * server's root; the portal token is never sent to the server.
   * @throws `ValidationError` for something that is not a server of {@link Portal.servers};
   *   `ArcGISAuthError` when the portal or the server refuses.
   */
  async serverAdmin(server: FederatedServer, options: CallOptions = {}): Promise<ArcServerAdmin> {
    const session = options.session ?? this.session;
    this.federate(server, session);
    const adminUrl = `${(server.adminUrl ?? server.url).replace(/\/+$/, "")}/admin`;
    return ArcServerAdmin.connect(adminUrl, { session }, options.signal ? { signal: options.signal } : {});
  }

  /** Every item matching `q` that you may see, page by page; `onProgress` gets `total`; a `break` stops the requests. */
  async *searchItems(options: SearchOptions = {}): AsyncGenerator<PortalItem> {
    for await (const info of searchItems(this.restUrl, { ...options, ...this.#call(options) })) yield new PortalItem(this, info);
  }

  /** Every user matching `q`, page by page. */
  searchUsers(options: SearchOptions = {}): AsyncGenerator<PortalUserInfo> {
    return searchUsers(this.restUrl, { ...options, ...this.#call(options) });
  }

  /** Every group matching `q` that you may see, page by page. */
  async *searchGroups(options: SearchOptions = {}): AsyncGenerator<PortalGroup> {
    for await (const info of searchGroups(this.restUrl, { ...options, ...this.#call(options) })) yield new PortalGroup(this, info);
  }

  /**
   * An item by id.
   * @throws `ValidationError` for an id that is not 32 hex characters; {@link ItemNotFoundError} for an unknown item.
   */
  async item(id: string, options: CallOptions = {}): Promise<PortalItem> {
    return new PortalItem(this, await getItem(this.restUrl, id, this.#call(options)));
  }

  /** Adds an item to your content (or `owner`'s, for an administrator), in `folder` (title or id) if given. */
  async addItem(item: NewItem, options: AddPortalItemOptions = {}): Promise<PortalItem> {
    const owner = options.owner ?? this.username;
    if (owner === undefined) throw new ValidationError("owner", "sign in (or give owner) to add items");
    const call = this.#call(options);
    const folder = options.folder === undefined ? "/" : await folderId(this, owner, options.folder, call);
    const { id } = await addItem(this.restUrl, item, { ...call, owner, ...(folder === "/" ? {} : { folderId: folder }) });
    return this.item(id, call);
  }

  /** A user's profile (the full one for yourself). */
  user(username: string, options: CallOptions = {}): Promise<PortalUserInfo> {
    return getUser(this.restUrl, username, this.#call(options));
  }

  /** A group by id. */
  async group(id: string, options: CallOptions = {}): Promise<PortalGroup> {
    return new PortalGroup(this, await getGroup(this.restUrl, id, this.#call(options)));
  }

  /**
   * A `MapServiceLayer` for a Feature Service (or Map Service) item, in this portal's session.
   * When the service is on a federated server, the session gets that server's token by exchanging the
   * portal token; the portal token itself is never sent to the server.
   * @throws `ValidationError` for an item of another type or without a URL.
   */
  async featureLayer(item: PortalItem | PortalItemInfo | string, options: FeatureLayerOptions = {}): Promise<MapServiceLayer> {
    const call = this.#call(options);
    const info = typeof item === "string" ? (await this.item(item, call)).info : item instanceof PortalItem ? item.info : item;
    if (!LAYER_ITEM_TYPES.has(String(info?.type).toLowerCase())) {
      throw new ValidationError("item", `is a ${String(info?.type)} item, not a Feature Service`);
    }
    if (typeof info.url !== "string" || info.url === "") throw new ValidationError("item", `${info.id} has no service URL`);
    const url = info.url.replace(/\/+$/, "");
    await this.#federateFor(url, call);
    const layer = options.layer ?? 0;
    if (!Number.isInteger(layer) || layer < 0) throw new ValidationError("layer", `must be a layer id, got ${String(options.layer)}`);
    return MapServiceLayer.connect(/\/\d+$/.test(url) ? url : `${url}/${layer}`, call);
  }

  /** Registers the token exchange for `url`'s server when it is federated and the session has no provider for it. */
  async #federateFor(url: string, options: CallOptions): Promise<void> {
    const root = serverRoot(url).toLowerCase();
    if (root === this.url.toLowerCase() || this.username === undefined) return;
    const session = options.session ?? this.session;
    if (session.hasTokenProvider(url)) return;
    // Read once per portal; a failure (ArcGIS Online has no federated servers) means "not federated".
    this.#servers ??= getServers(this.restUrl, options).catch(() => {
      this.#servers = undefined;
      return [];
    });
    const servers = await this.#servers;
    const match = servers.find((s) => [s.url, s.adminUrl].some((u) => typeof u === "string" && serverRoot(u).toLowerCase() === root));
    if (match) this.federate(match, session);
  }
}
