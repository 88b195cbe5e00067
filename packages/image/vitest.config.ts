import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["source", "import", "default"] },
  ssr: { resolve: { conditions: ["source", "import", "default"] } },
  test: { name: "image", include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 60_000 },
});
