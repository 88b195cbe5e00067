import { defineConfig } from "vitest/config";

// One run for the whole workspace; packages resolve each other through the
// "source" export condition, so tests never need a build first.
export default defineConfig({
  resolve: { conditions: ["source", "import", "default"] },
  ssr: { resolve: { conditions: ["source", "import", "default"] } },
  test: {
    projects: ["packages/*", "examples", "examples/web"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
