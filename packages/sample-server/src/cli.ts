#!/usr/bin/env node
/**
 * `arcrest-sample-server [--port N] [--host H] [--synthetic N] [--latency MS] [--seed N] [--offset-cost]`:
 * starts the sample server, prints its URL and runs until killed.
 */
import { startSampleServer } from "./server.js";
import { parseCliArgs } from "./cli-args.js";
import type { SampleServerOptions } from "./types.js";

async function main(): Promise<void> {
  let options: SampleServerOptions;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  const server = await startSampleServer(options);
  console.log(`arcrest sample server: ${server.restUrl}`);
  console.log(`token user: arcrest / arcrest-pass (POST ${server.url}/arcgis/tokens/generateToken)`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

void main();
