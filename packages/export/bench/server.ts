import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A sample server in its own process, so its CPU and memory are not the client's. */
export interface ServerProcess {
  restUrl: string;
  stop(): Promise<void>;
}

const CLI = fileURLToPath(new URL("../../sample-server/src/cli.ts", import.meta.url));

/** Starts `arcrest-sample-server` with `flags` on a free port and resolves once it prints its URL. */
export function startServer(flags: string[]): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", CLI, "--port", "0", ...flags], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let text = "";
    child.once("exit", (code) => reject(new Error(`sample server exited with ${code}: ${text}`)));
    child.stdout.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const m = /arcrest sample server: (\S+)/.exec(text);
      if (!m) return;
      child.removeAllListeners("exit");
      child.stdout.removeAllListeners("data");
      child.stdout.resume();
      resolve({
        restUrl: m[1],
        stop: () =>
          new Promise<void>((done) => {
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}
