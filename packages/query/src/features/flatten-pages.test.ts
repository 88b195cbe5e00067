import { describe, expect, it } from "vitest";
import { flattenPages, TAKE_BUFFERED } from "./flatten-pages.js";

// flattenPages must behave exactly like `for await (const page of pages) yield* page`;
// these drive it with an in-memory page source that records how it was closed.

function source(pages: number[][], failAt?: number) {
  const log = { pulled: 0, closed: false };
  async function* gen(): AsyncGenerator<number[]> {
    try {
      for (let i = 0; i < pages.length; i++) {
        if (i === failAt) throw new Error(`page ${i} failed`);
        log.pulled++;
        await new Promise((r) => setTimeout(r, 1));
        yield pages[i];
      }
    } finally {
      log.closed = true;
    }
  }
  return { pages: gen(), log };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("flattenPages", () => {
  it("yields every item in page order, skipping empty pages", async () => {
    const { pages, log } = source([[1, 2], [], [3], [4, 5, 6]]);
    expect(await collect(flattenPages(pages))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(log.closed).toBe(true);
  });

  it("does not start the page source before the first next()", async () => {
    const { pages, log } = source([[1]]);
    const it = flattenPages(pages);
    await new Promise((r) => setTimeout(r, 5));
    expect(log.pulled).toBe(0);
    expect(await it.next()).toEqual({ done: false, value: 1 });
  });

  it("closes the page source when the consumer breaks out", async () => {
    const { pages, log } = source([[1, 2, 3], [4, 5, 6], [7]]);
    const seen: number[] = [];
    for await (const x of flattenPages(pages)) {
      seen.push(x);
      if (x === 2) break;
    }
    expect(seen).toEqual([1, 2]);
    expect(log.closed).toBe(true);
    expect(log.pulled).toBe(1);
  });

  it("stops at the next item on abort (not at the end of the page) and closes the source", async () => {
    const { pages, log } = source([[1, 2, 3, 4], [5]]);
    const controller = new AbortController();
    const seen: number[] = [];
    const run = (async () => {
      for await (const x of flattenPages(pages, controller.signal)) {
        seen.push(x);
        if (x === 2) controller.abort(new Error("user stop"));
      }
    })();
    await expect(run).rejects.toThrow("user stop");
    expect(seen).toEqual([1, 2]);
    expect(log.closed).toBe(true);
  });

  it("rejects with the page source's error and is finished afterwards", async () => {
    const { pages } = source([[1], [2], [3]], 1);
    const it = flattenPages(pages);
    expect(await it.next()).toEqual({ done: false, value: 1 });
    await expect(it.next()).rejects.toThrow("page 1 failed");
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it("settles calls made without awaiting in call order", async () => {
    const { pages } = source([[1, 2], [3], [4]]);
    const it = flattenPages(pages);
    const results = await Promise.all([it.next(), it.next(), it.next(), it.next(), it.next()]);
    expect(results.map((r) => (r.done ? "end" : r.value))).toEqual([1, 2, 3, 4, "end"]);
  });

  it("return() before the first item finishes without pulling a page", async () => {
    const { pages, log } = source([[1]]);
    const it = flattenPages(pages);
    expect(await it.return(undefined)).toEqual({ done: true, value: undefined });
    expect(log.pulled).toBe(0);
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it("throw() closes the page source and rethrows", async () => {
    const { pages, log } = source([[1, 2], [3]]);
    const it = flattenPages(pages);
    await it.next();
    await expect(it.throw(new Error("consumer failed"))).rejects.toThrow("consumer failed");
    expect(log.closed).toBe(true);
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it("TAKE_BUFFERED hands over the rest of the current page, then next() moves on", async () => {
    const { pages } = source([[1, 2, 3], [4, 5]]);
    const it = flattenPages(pages);
    expect(it[TAKE_BUFFERED]()).toEqual([]); // nothing read yet
    expect(await it.next()).toEqual({ done: false, value: 1 });
    expect(it[TAKE_BUFFERED]()).toEqual([2, 3]);
    expect(it[TAKE_BUFFERED]()).toEqual([]);
    expect(await it.next()).toEqual({ done: false, value: 4 });
    expect(it[TAKE_BUFFERED]()).toEqual([5]);
    expect(await it.next()).toEqual({ done: true, value: undefined });
    expect(it[TAKE_BUFFERED]()).toEqual([]);
  });

  it("TAKE_BUFFERED takes nothing while a call waits (order is kept) or after an abort", async () => {
    const { pages } = source([[1, 2], [3, 4]]);
    const controller = new AbortController();
    const it = flattenPages(pages, controller.signal);
    const first = it.next(); // waits for the first page
    expect(it[TAKE_BUFFERED]()).toEqual([]);
    expect(await first).toEqual({ done: false, value: 1 });
    controller.abort(new Error("stop"));
    expect(it[TAKE_BUFFERED]()).toEqual([]);
    await expect(it.next()).rejects.toThrow("stop");
  });

  it("the key is the registered symbol, so two copies of the package agree on it", () => {
    expect(Symbol.for("@arcrest/take-buffered")).toBe(TAKE_BUFFERED);
  });
});
