/** A service as a folder listing reports it. */
export interface ServiceSummary {
  /** The folder, "/" for the root. */
  folderName: string;
  /** The name without folder. */
  serviceName: string;
  /** "MapServer", "FeatureServer", "GPServer", ... */
  type: string;
  /** The description. */
  description: string;
}

/** A service with its state, as `admin.services()` yields it. */
export interface ServiceListing extends ServiceSummary {
  /** "STARTED" or "STOPPED". */
  configuredState: string;
}

/** `GET /admin/services[/<folder>]`. */
export interface FolderListing {
  /** The folder, "/" for the root. */
  folderName: string;
  /** The folder's description. */
  description: string;
  /** Sub-folders (only at the root). */
  folders?: string[];
  /** The services in the folder. */
  services: ServiceSummary[];
}

/** One extension of a service JSON (e.g. FeatureServer on a MapServer). */
export interface ServiceExtension {
  /** "FeatureServer", "KmlServer", "WMSServer", ... */
  typeName: string;
  /** "true" or "false" (a string, as the server stores it). */
  enabled: string;
  /** Capabilities, e.g. "Query,Update". */
  capabilities?: string | null;
  /** Extension properties. */
  properties?: Record<string, unknown>;
  /** Other members, kept as read. */
  [key: string]: unknown;
}

/** A service's full JSON as the Administrator API stores it. */
export interface ServiceJson {
  /** The name without folder. */
  serviceName: string;
  /** The type. */
  type: string;
  /** Description. */
  description?: string;
  /** Capabilities. */
  capabilities?: string;
  /** "STARTED" or "STOPPED". */
  configuredState?: string;
  /** Service properties. */
  properties?: Record<string, unknown>;
  /** Server object extensions. */
  extensions?: ServiceExtension[];
  /** Every other member, kept as read. */
  [key: string]: unknown;
}

/** `GET .../<service>/status`. */
export interface ServiceStatus {
  /** The state the service is configured to be in. */
  configuredState: string;
  /** The state it is in now. */
  realTimeState: string;
}

/** One entry of a folder's or service's permissions. */
export interface Permission {
  /** A role name, or `esriEveryone`. */
  principal: string;
  /** Whether it may access. */
  permission: { isAllowed: boolean };
}

/** One log message of `/admin/logs/query`. */
export interface LogMessage {
  /** SEVERE, WARNING, INFO, FINE, VERBOSE, DEBUG. */
  type: string;
  /** The text. */
  message: string;
  /** Epoch ms. */
  time: number;
  /** "Server", "Admin" or "Folder/Name.Type". */
  source: string;
  /** Machine that logged it. */
  machine: string;
  /** User, when known. */
  user: string;
  /** Log code. */
  code: number;
  /** Elapsed time, when logged. */
  elapsed: string;
  /** Process id. */
  process: string;
  /** Thread id. */
  thread: string;
  /** Method name. */
  methodName: string;
}

/** A page of `/admin/logs/query`. */
export interface LogQueryPage {
  /** Whether older entries remain. */
  hasMore: boolean;
  /** Newest time of the page (epoch ms). */
  startTime: number;
  /** Oldest time of the page: the next page's `startTime`. */
  endTime: number;
  /** Entries, newest first. */
  logMessages: LogMessage[];
}

/** A user of the user store. */
export interface AdminUser {
  /** User name. */
  username: string;
  /** Full name. */
  fullname?: string;
  /** E-mail. */
  email?: string;
  /** Description. */
  description?: string;
  /** Whether disabled. */
  disabled?: boolean;
}

/** A role of the role store. */
export interface AdminRole {
  /** Role name. */
  rolename: string;
  /** Description. */
  description?: string;
}

/** A registered data store item. */
export interface DataItem {
  /** Item path, e.g. "/fileShares/data" or "/enterpriseDatabases/gis". */
  path: string;
  /** "folder", "egdb", ... */
  type: string;
  /** Item id. */
  id?: string;
  /** Connection info. */
  info?: Record<string, unknown>;
}

/** The outcome for one service of a batch start or stop. */
export interface BatchResult {
  /** "Folder/Name.Type". */
  service: string;
  /** Whether it succeeded. */
  ok: boolean;
  /** Why not, when it failed. */
  error?: Error;
}
