import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["source", "import", "default"] },
  ssr: { resolve: { conditions: ["source", "import", "default"] } },
  test: {
    name: "cli",
    include: ["test/**/*.test.ts"],
    // The tests spawn the built command; it is built once before them.
    globalSetup: ["test/global-setup.ts"],
  },
});
