import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A sample server running in its own process, so its CPU and memory are not the client's. */
export interface ServerProcess {
  restUrl: string;
  stop(): Promise<void>;
}

const CLI = fileURLToPath(new URL("../../sample-server/src/cli.ts", import.meta.url));

/** Starts `arcrest-sample-server` with the given flags on a free port and waits for its URL. */
export function startServerProcess(flags: string[]): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--conditions=source", "--import", "tsx", CLI, "--port", "0", ...flags], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    const onEarlyExit = (code: number | null): void => reject(new Error(`sample server exited with ${code}: ${out}`));
    child.once("exit", onEarlyExit);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /arcrest sample server: (\S+)/.exec(out);
      if (m) {
        child.off("exit", onEarlyExit);
        child.stdout?.off("data", onData);
        child.stdout?.resume();
        resolve({
          restUrl: m[1],
          stop: () =>
            new Promise((done) => {
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    };
    child.stdout?.on("data", onData);
  });
}
