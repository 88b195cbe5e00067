import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built command, as installed: `node bin/arcrest.js`. */
export const BIN = fileURLToPath(new URL("../bin/arcrest.js", import.meta.url));

/** What a finished run printed and returned. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runCli}. */
export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Called once with the child as soon as it starts (to send signals). */
  onSpawn?: (child: ChildProcess) => void;
  /** Called with each chunk of stderr. */
  onStderr?: (text: string, child: ChildProcess) => void;
}

/** Runs `arcrest ARGS…` to completion, with stdin closed (not a terminal). */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ARCREST_PASSWORD: "", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      options.onStderr?.(chunk.toString(), child);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    options.onSpawn?.(child);
  });
}
