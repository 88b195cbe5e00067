#!/usr/bin/env node
// The arcrest-sample-server command. In the monorepo it runs the TypeScript source through tsx
// (never a stale build, no build step on a fresh clone); without tsx it runs the built dist/cli.js.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const source = new URL("../src/cli.ts", import.meta.url);
const built = new URL("../dist/cli.js", import.meta.url);

async function tsxRegister() {
  try {
    return (await import("tsx/esm/api")).register;
  } catch {
    return undefined;
  }
}

const register = existsSync(fileURLToPath(source)) ? await tsxRegister() : undefined;
if (register) {
  register();
  await import(source.href);
} else if (existsSync(fileURLToPath(built))) {
  await import(built.href);
} else {
  console.error("arcrest-sample-server: neither tsx nor a build (dist/cli.js) is available; run `pnpm build` first.");
  process.exitCode = 1;
}
