import { TokenStore } from "../auth/tokens.js";
import type { ServerState } from "../context.js";
import { folderOf, publishedTypes } from "../data/lookup.js";
import type { SampleService } from "../data/types.js";
import { createLogStore, type AdminLogEntry } from "./logs.js";

/** A user of the admin user store. */
export interface AdminUser {
  username: string;
  password: string;
  fullname: string;
  email: string;
  description: string;
  roles: string[];
}

/** A registered data store item. */
export interface AdminDataItem {
  path: string;
  type: string;
  id: string;
  info: Record<string, unknown>;
}

/** One folder or service permission. */
export interface AdminPermission {
  principal: string;
  permission: { isAllowed: boolean };
}

/** The administrative state of a sample server (created on first use, one per server). */
export interface AdminState {
  /** Admin tokens: separate from the REST token service's store. */
  tokens: TokenStore;
  /** Service JSON as the admin API stores it, keyed by lower-case "name.Type". */
  serviceJson: Map<string, Record<string, unknown>>;
  folderDescriptions: Map<string, string>;
  permissions: Map<string, AdminPermission[]>;
  logs: AdminLogEntry[];
  users: Map<string, AdminUser>;
  roles: Map<string, { rolename: string; description: string }>;
  dataItems: AdminDataItem[];
}

const STATES = new WeakMap<ServerState, AdminState>();

/** The admin state of a server, created with deterministic contents on first use. */
export function adminStateOf(state: ServerState): AdminState {
  let admin = STATES.get(state);
  if (!admin) {
    admin = createAdminState(state);
    STATES.set(state, admin);
  }
  return admin;
}

function createAdminState(state: ServerState): AdminState {
  const users = new Map<string, AdminUser>();
  for (const [username, password] of Object.entries(state.users)) {
    users.set(username.toLowerCase(), { username, password, fullname: username, email: "", description: "", roles: [] });
  }
  for (let i = 1; i <= 12; i++) {
    const username = `user${String(i).padStart(2, "0")}`;
    users.set(username, { username, password: `pw-${username}`, fullname: `Sample User ${i}`, email: `${username}@example.com`, description: "", roles: [] });
  }
  return {
    tokens: new TokenStore(state.tokens.ttlSeconds),
    serviceJson: new Map(),
    folderDescriptions: new Map(),
    permissions: new Map(),
    logs: createLogStore(state.seed),
    users,
    roles: new Map([["viewers", { rolename: "viewers", description: "Read-only users" }]]),
    dataItems: [
      { path: "/fileShares/sample_data", type: "folder", id: "fs-1", info: { path: "/data/sample", dataStoreConnectionType: "shared" } },
      { path: "/enterpriseDatabases/gisdb", type: "egdb", id: "db-1", info: { connectionString: "SERVER=gisdb;DATABASE=gis", dataStoreConnectionType: "shared", isManaged: false } },
    ],
  };
}

/** The admin key of a service: "Folder/Name.Type" in lower case. */
export function serviceKey(service: SampleService, type = service.type): string {
  return `${service.name}.${type}`.toLowerCase();
}

/** The service JSON of a service (created from the dataset on first use, then stored). */
export function serviceJsonOf(admin: AdminState, service: SampleService): Record<string, unknown> {
  const key = serviceKey(service);
  let json = admin.serviceJson.get(key);
  if (!json) {
    const name = service.name.slice(folderOf(service).length === 0 ? 0 : folderOf(service).length + 1);
    json = {
      serviceName: name,
      type: service.type,
      description: service.description ?? "",
      capabilities: service.type === "MapServer" ? "Map,Query,Data" : "Query",
      provider: "ArcObjects11",
      clusterName: "default",
      minInstancesPerNode: 1,
      maxInstancesPerNode: 2,
      instancesPerContainer: 1,
      maxWaitTime: 60,
      maxStartupTime: 300,
      maxIdleTime: 1800,
      maxUsageTime: 600,
      loadBalancing: "ROUND_ROBIN",
      isolationLevel: "HIGH",
      configuredState: "STARTED",
      recycleInterval: 24,
      recycleStartTime: "00:00",
      keepAliveInterval: 1800,
      private: false,
      isDefault: false,
      maxUploadFileSize: 0,
      allowedUploadFileTypes: "",
      properties: { maxRecordCount: "1000", outputDir: "c:\\arcgisserver\\directories\\arcgisoutput", schemaLockingEnabled: "true" },
      extensions:
        service.type === "MapServer"
          ? ["FeatureServer", "KmlServer", "WMSServer"].map((typeName) => ({
              typeName,
              capabilities: typeName === "FeatureServer" ? "Query" : null,
              enabled: String(typeName === "FeatureServer" && publishedTypes(service).includes("FeatureServer")),
              maxUploadFileSize: 0,
              allowedUploadFileTypes: "",
              properties: {},
            }))
          : [],
      datasets: [],
    };
    admin.serviceJson.set(key, json);
  }
  json.configuredState = service.started === false ? "STOPPED" : "STARTED";
  return json;
}
