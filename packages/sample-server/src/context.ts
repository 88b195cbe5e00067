import type { TokenStore } from "./auth/tokens.js";
import type { SampleDataset } from "./data/types.js";
import type { PortalState } from "./portal/state.js";
import type { UploadedFile } from "./http/multipart.js";
import type { Reply } from "./http/reply.js";
import type { OutputStore } from "./routes/output-store.js";

/** Server-wide state shared by every route. */
export interface ServerState {
  /** The live data. */
  dataset: SampleDataset;
  tokens: TokenStore;
  /** username → password. */
  users: Record<string, string>;
  seed: number;
  /** Whether to charge layers' offsetCostMsPer1000 for resultOffset queries. */
  offsetCost: boolean;
  /** Generated files served under /arcgis/rest/directories/arcgisoutput. */
  outputs: OutputStore;
  /** "http://127.0.0.1:PORT", known once listening. */
  baseUrl: string;
  /** The portal at /portal/sharing/rest (users, groups, items, portal tokens). */
  portal: PortalState;
}

/** One request, parsed, as routes see it. */
export interface RequestContext {
  /** Upper-case HTTP method. */
  method: string;
  /** Decoded path without trailing slash, e.g. "/arcgis/rest/services/ahps_gauges/MapServer/0". */
  path: string;
  /** Path segments of `path` (no empty ones). */
  segments: string[];
  /** Query string and body fields merged (body wins). */
  params: Record<string, string>;
  /** Files of a multipart body. */
  files: UploadedFile[];
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Token from the parameters or an Authorization header. */
  token: string | undefined;
  state: ServerState;
}

/** A handler for a family of URLs: answers, or returns undefined to let the next route try. */
export type Route = (ctx: RequestContext) => Reply | undefined | Promise<Reply | undefined>;
