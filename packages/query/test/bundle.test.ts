import { fileURLToPath } from "node:url";
import { describe } from "vitest";
import { browserEntryTest, budgetTests } from "../../../scripts/bundle-tests.js";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("browser bundle of @arcrest/query", () => {
  browserEntryTest("query", root);
  budgetTests("query", root);
});
