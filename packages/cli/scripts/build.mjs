// Builds the `arcrest` command into dist/arcrest.js, and export's page worker beside it (dist/page-worker.js, where
// the bundled page pool starts it). The @arcrest packages (and the private sample server behind `serve-sample`) are
// bundled from source, so the command never runs a stale build of a sibling; this package's own dependencies stay
// external and are installed with it (better-sqlite3 among them: a native module cannot be bundled).
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

await build({
  entryPoints: [
    { in: new URL("../src/main.ts", import.meta.url).pathname, out: "arcrest" },
    { in: new URL("../../export/src/node/workers/page-worker.ts", import.meta.url).pathname, out: "page-worker" },
  ],
  outdir: new URL("../dist", import.meta.url).pathname,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: ["source"],
  external: Object.keys(pkg.dependencies ?? {}),
  // Bundled CommonJS dependencies (proj4) may call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __arcrestRequire } from 'node:module'; const require = __arcrestRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: "warning",
});
