import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";

const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;

/** Leaflet's own minified build, gzipped: the part of the page that is the map library. */
function leafletGzip(): number {
  const require = createRequire(import.meta.url);
  return gzipSync(readFileSync(require.resolve("leaflet/dist/leaflet.js"))).length;
}

/** Prints what the page's JavaScript weighs, minified and gzipped, with and without Leaflet, after every build. */
function bundleSize(): Plugin {
  return {
    name: "arcrest-bundle-size",
    generateBundle(_options, bundle) {
      const code = Object.values(bundle)
        .map((chunk) => (chunk.type === "chunk" ? chunk.code : ""))
        .join("");
      const total = gzipSync(code).length;
      this.info(`JavaScript: ${kB(code.length)} min, ${kB(total)} min+gzip; without Leaflet about ${kB(total - leafletGzip())} min+gzip`);
    },
  };
}

export default defineConfig({
  // Sibling packages are used from source, as in the tests: no build step before the page's.
  resolve: { conditions: ["source", "browser", "import", "module", "default"] },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
  plugins: [bundleSize()],
  logLevel: "info",
});
