import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Builds the command once; every test spawns the built `bin/arcrest.js` as a user would. */
export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL("../scripts/build.mjs", import.meta.url))], { stdio: "inherit" });
}
