#!/usr/bin/env node
// The arcrest-sample-server command: runs the built CLI (dist/cli.js) when the package is built,
// else the TypeScript source through tsx, so a fresh clone needs no build step.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const built = new URL("../dist/cli.js", import.meta.url);
if (existsSync(fileURLToPath(built))) {
  await import(built.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../src/cli.ts", import.meta.url).href);
}
