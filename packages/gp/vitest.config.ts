import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["source", "import", "default"] },
  ssr: { resolve: { conditions: ["source", "import", "default"] } },
  test: { name: "gp", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
