/** A sample server with a temporary folder beside it, as test files that write output want them. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSampleServer } from "./server.js";
import type { SampleServer, SampleServerOptions } from "./types.js";

/** Starts a sample server (on a free port unless `options.port`) and makes a temporary folder named from `prefix`; `close()` removes both. */
export async function startSampleServerAndFolder(prefix: string, options: SampleServerOptions = {}): Promise<{ server: SampleServer; dir: string; close(): Promise<void> }> {
  const server = await startSampleServer({ port: 0, ...options });
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    server,
    dir,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
