import { randomBytes } from "node:crypto";
import { access, mkdir, rename, rm, rmdir, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { DestinationExistsError } from "../errors.js";

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A set of files written under temporary names in their final folder and
 * renamed together at the end, so readers never see a half-written export and a
 * failed or cancelled one leaves nothing behind.
 */
export class AtomicFiles {
  readonly #finals: string[];
  readonly #stale: string[];
  readonly #temps = new Map<string, string>();
  readonly #scratch: string[] = [];
  readonly #tag = randomBytes(6).toString("hex");
  #createdDirectory: string | undefined;

  /**
   * @param finals - the files the export produces (the main file last is renamed last)
   * @param stale - other files that belong to the destination and are removed on overwrite (e.g. a shapefile's old `.sbn` index)
   */
  constructor(finals: string[], stale: string[] = []) {
    this.#finals = finals;
    this.#stale = stale;
  }

  /**
   * Checks the destination and creates missing folders.
   * @throws DestinationExistsError when a final file exists and `overwrite` is not set
   */
  async prepare(overwrite: boolean): Promise<void> {
    if (!overwrite) {
      const existing: string[] = [];
      for (const path of this.#finals) if (await exists(path)) existing.push(path);
      if (existing.length > 0) throw new DestinationExistsError(existing);
    }
    const folder = dirname(this.#finals[0]);
    this.#createdDirectory = await mkdir(folder, { recursive: true });
  }

  /** The temporary path to write instead of `final`. */
  temp(final: string): string {
    let temp = this.#temps.get(final);
    if (!temp) {
      temp = join(dirname(final), `.${basename(final)}.${this.#tag}.partial`);
      this.#temps.set(final, temp);
    }
    return temp;
  }

  /** A scratch file beside the destination, removed on commit and discard (e.g. shapefile parts before zipping). */
  scratch(suffix: string): string {
    const path = join(dirname(this.#finals[0]), `.${basename(this.#finals[0])}.${this.#tag}.scratch${suffix}`);
    this.#scratch.push(path);
    return path;
  }

  /**
   * Moves every written temporary file to its final name (the first final file
   * last, so it appears only once its sidecars are in place) and removes
   * destination files this export did not produce.
   */
  async commit(): Promise<string[]> {
    const written = this.#finals.filter((final) => this.#temps.has(final));
    for (const path of [...this.#finals, ...this.#stale]) {
      if (!this.#temps.has(path) && (await exists(path))) await unlink(path);
    }
    const [main, ...sidecars] = written;
    for (const final of [...sidecars, main]) {
      if (final !== undefined) await rename(this.temp(final), final);
    }
    this.#temps.clear();
    await this.#removeScratch();
    return written;
  }

  async #removeScratch(): Promise<void> {
    for (const path of this.#scratch.splice(0)) await rm(path, { force: true }).catch(() => undefined);
  }

  /** Removes every temporary file (and folders this export created). Never throws. */
  async discard(): Promise<void> {
    await this.#removeScratch();
    for (const temp of this.#temps.values()) await rm(temp, { force: true }).catch(() => undefined);
    this.#temps.clear();
    const created = this.#createdDirectory;
    this.#createdDirectory = undefined;
    if (created) {
      // Only folders this export made, innermost first, and only while empty.
      for (let folder = dirname(this.#finals[0]); folder.startsWith(created); folder = dirname(folder)) {
        const removed = await rmdir(folder).then(
          () => true,
          () => false,
        );
        if (!removed || folder === created) break;
      }
    }
  }
}
