import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["source", "import", "default"] },
  ssr: { resolve: { conditions: ["source", "import", "default"] } },
  test: { name: "web", include: ["test/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
});
