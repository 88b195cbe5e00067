import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["source", "import", "default"] },
  ssr: { resolve: { conditions: ["source", "import", "default"] } },
  test: { name: "geocode", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
