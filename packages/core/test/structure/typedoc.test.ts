/**
 * The documentation site builds without warnings: no broken `{@link}`, no exported name that
 * references an undocumented one, no `@internal` leak. Runs the root `typedoc.json` (every
 * package) with `--treatWarningsAsErrors` into a temporary directory.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../../..");

describe("typedoc", () => {
  it("builds every package's docs with no warnings", { timeout: 240_000 }, async () => {
    const out = await mkdtemp(join(tmpdir(), "arcrest-typedoc-"));
    try {
      const run = await promisify(execFile)(
        process.execPath,
        [join(ROOT, "node_modules/typedoc/bin/typedoc"), "--out", out, "--treatWarningsAsErrors", "--logLevel", "Warn"],
        { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
      ).catch((error: { stdout?: string; stderr?: string; code?: number }) => error);
      const output = `${run.stdout ?? ""}${run.stderr ?? ""}`;
      expect(output).not.toMatch(/\[(warning|error)\]/);
      expect("code" in run ? run.code : 0).toBe(0);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
