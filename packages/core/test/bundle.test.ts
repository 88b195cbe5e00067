import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { measureBundle } from "../../../scripts/bundle-size.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Bundles `code` for a browser as an app would: every module read, and those with code in the output. */
async function bundle(code: string) {
  const { read, bytesPerInput } = await measureBundle(code, root);
  return { inputs: read, included: [...bytesPerInput].filter(([, bytes]) => bytes > 0).map(([input]) => input) };
}

describe("browser bundle of @arcrest/core", () => {
  it("has no node: imports and no proj4 unless projection is imported", async () => {
    const { inputs } = await bundle(`export * from "@arcrest/core";`);
    expect(inputs.some((i) => i.includes("proj4"))).toBe(false);
    expect(inputs.some((i) => i.startsWith("node:") || i.includes("/src/node/"))).toBe(false);
  });

  it("pulls proj4 in only with the projection subpath", async () => {
    const { inputs } = await bundle(`export * from "@arcrest/core"; export * from "@arcrest/core/projection";`);
    expect(inputs.some((i) => i.includes("proj4"))).toBe(true);
  });

  it("leaves Session and sign-in out of a bundle that only sends requests", async () => {
    const { included } = await bundle(`export { request } from "@arcrest/core";`);
    expect(included.some((i) => i.endsWith("src/request/pipeline.ts"))).toBe(true);
    const auth = included.filter((i) => i.includes("/src/auth/")).map((i) => i.slice(i.indexOf("/src/auth/") + 10));
    expect(auth).toEqual(["server-root.ts"]);
  });
});
