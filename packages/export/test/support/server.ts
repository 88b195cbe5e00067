/** A sample server and a temporary folder for one test file, and how to remove both. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSampleServer, type SampleServer, type SampleServerOptions } from "@arcrest/sample-server";

export async function startServerAndFolder(prefix: string, options: SampleServerOptions = {}): Promise<{ server: SampleServer; root: string; close(): Promise<void> }> {
  const server = await startSampleServer({ port: 0, ...options });
  const root = mkdtempSync(join(tmpdir(), prefix));
  return {
    server,
    root,
    async close() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
