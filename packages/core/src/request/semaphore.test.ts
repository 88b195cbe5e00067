import { describe, expect, it } from "vitest";
import { Semaphore } from "./semaphore.js";

describe("Semaphore", () => {
  it("never lets more than its size run at once", async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        const release = await semaphore.acquire();
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        release();
      }),
    );
    expect(peak).toBe(2);
  });

  it("lets a waiter give up through its signal, without losing the permit", async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    const controller = new AbortController();
    const waiting = semaphore.acquire(controller.signal);
    expect(semaphore.waiting).toBe(1);
    controller.abort(new Error("gave up"));
    await expect(waiting).rejects.toThrow("gave up");
    expect(semaphore.waiting).toBe(0);
    release();
    release(); // a second release is ignored
    const again = await semaphore.acquire();
    const third = semaphore.acquire();
    let granted = false;
    void third.then(() => (granted = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(granted).toBe(false);
    again();
    await third;
  });
});
