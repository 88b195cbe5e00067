import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Writes bytes to a temporary name beside `path`, then renames it: the file is complete or
 * absent, never half-written (the temporary file is removed on failure). Creates missing folders.
 *
 * @example
 * ```ts
 * import { writeFileAtomic } from "@arcrest/core/node";
 * await writeFileAtomic("out/map.png", bytes);
 * ```
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now().toString(36)}.part`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
