import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { TokenStore } from "./auth/tokens.js";
import type { ServerState } from "./context.js";
import { createDefaultDataset } from "./data/default-dataset.js";
import { addSyntheticPointsService } from "./data/synthetic.js";
import { FaultInjector } from "./faults/fault-injector.js";
import { handle, type HandlerEnv } from "./handler.js";
import { createPortalState, portalTokenController } from "./portal/state.js";
import { OutputStore } from "./routes/output-store.js";
import type { SampleServer, SampleServerOptions } from "./types.js";

const DEFAULT_USERS: Record<string, string> = { arcrest: "arcrest-pass" };

/**
 * Starts a GeoServices-compatible server with sample data on 127.0.0.1 (by default on a free port).
 *
 * @example
 * const server = await startSampleServer({ port: 0 });
 * const info = await (await fetch(`${server.restUrl}?f=json`)).json();
 * await server.close();
 */
export async function startSampleServer(options: SampleServerOptions = {}): Promise<SampleServer> {
  const env = createEnv(options);
  const server = createServer((req, res) => {
    handle(env, req, res).catch((error: unknown) => {
      // Only reachable when writing the answer itself failed: the socket is gone.
      if (!res.headersSent) res.destroy(error instanceof Error ? error : undefined);
    });
  });
  server.keepAliveTimeout = 5_000;
  const address = await listen(server, options);
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  env.state.baseUrl = `http://${host}:${address.port}`;
  return controls(server, env, address.port);
}

/** Checks the options and builds the server's state: dataset, tokens, users, portal, faults, request log. */
function createEnv(options: SampleServerOptions): HandlerEnv {
  const seed = options.seed ?? 1;
  const latencyMs = options.latencyMs ?? 0;
  if (!(latencyMs >= 0)) throw new RangeError(`latencyMs must be >= 0, got ${options.latencyMs}`);
  const dataset = options.dataset ?? createDefaultDataset({ seed });
  if (options.syntheticPoints !== undefined) addSyntheticPointsService(dataset, options.syntheticPoints, seed);
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
  if (!(tokenTtlSeconds > 0)) throw new RangeError(`tokenTtlSeconds must be > 0, got ${options.tokenTtlSeconds}`);
  const users = options.users ?? DEFAULT_USERS;
  const state: ServerState = {
    dataset,
    tokens: new TokenStore(tokenTtlSeconds),
    users,
    seed,
    offsetCost: options.offsetCost ?? false,
    outputs: new OutputStore(),
    baseUrl: "",
    portal: createPortalState(seed, Object.keys(users), tokenTtlSeconds),
  };
  return { state, faults: new FaultInjector(seed), requests: [], latencyMs };
}

function listen(server: Server, options: SampleServerOptions): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** The handle tests hold: URLs, the request log, faults, tokens, the portal's controls, and close(). */
function controls(server: Server, env: HandlerEnv, port: number): SampleServer {
  const { state, requests } = env;
  return {
    url: state.baseUrl,
    restUrl: `${state.baseUrl}/arcgis/rest/services`,
    adminUrl: `${state.baseUrl}/arcgis/admin`,
    port,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    faults: env.faults,
    tokens: state.tokens,
    portal: { url: `${state.baseUrl}/portal`, tokens: portalTokenController(state.portal), leaks: state.portal.leaks },
    dataset: state.dataset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
