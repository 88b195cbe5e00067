import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { PageEncoding, PageJob, PageJobResult, ToWorker } from "./page-job.js";

interface Slot {
  worker: Worker;
  /** `false` once the worker failed or exited: its jobs are answered `failed` at once. */
  alive: boolean;
  pending: Map<number, (result: PageJobResult) => void>;
}

/**
 * Starts a page worker: the built `page-worker.js` beside this file, or, when this
 * package runs from its TypeScript sources (tests, the benchmark), `page-worker.ts`
 * through `tsx`'s loader, registered in the worker before it imports the module.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./page-worker.js", import.meta.url));
  // `require.resolve` answers with the CommonJS build of tsx's API; its ES module sits beside it.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
  const entry = new URL("./page-worker.ts", import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, execArgv: ["--conditions=source"] });
}

/**
 * A fixed set of page workers for one export. Jobs go to the worker with the
 * fewest pending; answers come back per job (the paging engine keeps the order).
 * A worker that dies fails its pending jobs as `failed`, so the main thread
 * parses those pages itself.
 */
export class PagePool {
  readonly #slots: Slot[] = [];
  #failure: string | undefined;
  #nextJob = 0;
  #nextEncoding = 0;
  #closed = false;

  /** Starts `size` workers. */
  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = startWorker();
      worker.unref();
      const slot: Slot = { worker, alive: true, pending: new Map() };
      worker.on("message", (result: PageJobResult) => {
        const resolve = slot.pending.get(result.id);
        slot.pending.delete(result.id);
        resolve?.(result);
      });
      const fail = (message: string): void => {
        if (slot.alive && !this.#closed) this.#failure ??= message;
        slot.alive = false;
        for (const [id, resolve] of slot.pending) resolve({ id, kind: "failed", message });
        slot.pending.clear();
      };
      worker.on("error", (error) => fail(String(error)));
      worker.on("exit", (code) => fail(`page worker exited with ${code}`));
      this.#slots.push(slot);
    }
  }

  /** Whether a worker is running to take jobs (else {@link run} answers `failed` without sending anything). */
  get running(): boolean {
    return !this.#closed && this.#slots.some((s) => s.alive);
  }

  /** Why the first worker stopped, if one stopped before {@link close}. */
  get failure(): string | undefined {
    return this.#failure;
  }

  /** Sends an encoding to every worker; returns its id for {@link run}. */
  setup(encoding: PageEncoding): number {
    const id = this.#nextEncoding++;
    for (const slot of this.#slots) slot.worker.postMessage({ type: "setup", id, encoding } satisfies ToWorker);
    return id;
  }

  /** Parses, normalises and encodes one page in the least busy worker (its bytes are transferred there). */
  run(job: Omit<PageJob, "id">): Promise<PageJobResult> {
    const id = this.#nextJob++;
    if (this.#closed) return Promise.resolve({ id, kind: "failed", message: "page pool closed" });
    const alive = this.#slots.filter((s) => s.alive);
    if (alive.length === 0) return Promise.resolve({ id, kind: "failed", message: "no page worker running" });
    let slot = alive[0] as Slot;
    for (const s of alive) if (s.pending.size < slot.pending.size) slot = s;
    return new Promise((resolve) => {
      slot.pending.set(id, resolve);
      slot.worker.postMessage({ type: "job", job: { ...job, id } } satisfies ToWorker, [job.bytes.buffer as ArrayBuffer]);
    });
  }

  /** Stops the workers (pending jobs answer `failed`). */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}
