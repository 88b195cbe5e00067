#!/usr/bin/env node
/**
 * The `arcrest` command. Ctrl-C aborts the running job through its AbortSignal (an export removes its
 * temporary files) and exits 130; a reader closing stdout early (`| head`) ends the run quietly.
 */
import { EXIT } from "./exit-codes.js";
import { runProgram } from "./program.js";

const controller = new AbortController();
let interrupted = false;
let stdoutClosed = false;

function interrupt(): void {
  if (interrupted) process.exit(EXIT.interrupted); // a second Ctrl-C does not wait for cleanup
  interrupted = true;
  controller.abort(new Error("interrupted"));
}
process.on("SIGINT", interrupt);
process.on("SIGTERM", interrupt);
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  stdoutClosed = true;
  controller.abort(new Error("stdout closed"));
});

await runProgram(process.argv, { controller, interrupted: () => interrupted, stdoutClosed: () => stdoutClosed });
if (interrupted) process.exitCode = EXIT.interrupted;
else if (stdoutClosed) process.exitCode = EXIT.ok;
