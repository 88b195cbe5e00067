import type { SampleDataset } from "./data/types.js";
import type { FaultController } from "./faults/types.js";
import type { TokenController } from "./auth/tokens.js";
import type { PortalTokenLeak } from "./portal/state.js";

/** Options of {@link startSampleServer}. */
export interface SampleServerOptions {
  /** Port to listen on; 0 (the default) picks a free port. */
  port?: number;
  /** Interface to bind; default "127.0.0.1". */
  host?: string;
  /** Data to serve; default `createDefaultDataset({ seed })`. The server mutates it (edits). */
  dataset?: SampleDataset;
  /** Adds the MapServer `Bench/SyntheticPoints` with this many generated point features. */
  syntheticPoints?: number;
  /** username → password of the users allowed to generate tokens; default `{ arcrest: "arcrest-pass" }`. */
  users?: Record<string, string>;
  /** Default and maximum token lifetime in seconds; default 3600. */
  tokenTtlSeconds?: number;
  /** Seed for the generated data and the fault injection; default 1. */
  seed?: number;
  /** Extra delay added to every response, in ms (emulates a network). */
  latencyMs?: number;
  /** Charge `offsetCostMsPer1000` of a layer as a delay for queries with resultOffset. */
  offsetCost?: boolean;
}

/** One request as the server received it. */
export interface RecordedRequest {
  /** HTTP method, upper case. */
  method: string;
  /** URL path, percent-decoded, without the query string. */
  path: string;
  /** Query string parameters. */
  query: Record<string, string>;
  /** Parsed body fields (urlencoded or multipart; file parts give their file name). */
  body: Record<string, string>;
  /** Request headers, lower-case names. */
  headers: Record<string, string>;
  /** Epoch ms when the request arrived. */
  time: number;
}

/** A running sample server. */
export interface SampleServer {
  /** "http://127.0.0.1:PORT" */
  readonly url: string;
  /** "http://127.0.0.1:PORT/arcgis/rest/services" */
  readonly restUrl: string;
  /** "http://127.0.0.1:PORT/arcgis/admin" */
  readonly adminUrl: string;
  /** The port listened on. */
  readonly port: number;
  /** Every request received, in order of arrival. */
  readonly requests: RecordedRequest[];
  /** Empties {@link SampleServer.requests}. */
  clearRequests(): void;
  /** Fault injection. */
  readonly faults: FaultController;
  /** Token issuing and revocation (tokens of the `/arcgis` site, including those exchanged through the portal). */
  readonly tokens: TokenController;
  /** The portal at `/portal` (its federated server is this server's `/arcgis`). */
  readonly portal: SamplePortal;
  /** The live, mutable data served. */
  readonly dataset: SampleDataset;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** The portal of a running sample server. */
export interface SamplePortal {
  /** "http://127.0.0.1:PORT/portal" */
  readonly url: string;
  /** Portal token issuing and revocation (separate from the federated server's tokens). */
  readonly tokens: TokenController;
  /** Requests to `/arcgis/*` that carried a portal token: must stay empty. */
  readonly leaks: readonly PortalTokenLeak[];
}
