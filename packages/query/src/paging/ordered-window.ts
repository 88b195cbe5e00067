/** A unit of work for {@link orderedWindow}: started with the window's abort signal. */
export type WindowTask<T> = (signal: AbortSignal) => Promise<T>;

/**
 * Runs page tasks with at most `concurrency` in flight and yields their results
 * in task order. Tasks are pulled from the iterator only when a slot frees up,
 * so a strategy can size later pages from what earlier ones taught it, and
 * memory holds at most `concurrency + 1` pages (the one being consumed and those
 * in flight). A failing task aborts the others; so does the consumer stopping
 * early (`break` out of `for await`) or the caller's `signal`.
 */
export async function* orderedWindow<T>(
  tasks: Iterator<WindowTask<T>>,
  concurrency: number,
  signal?: AbortSignal,
): AsyncGenerator<T> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  const inFlight: Promise<T>[] = [];
  let exhausted = false;
  const fill = (): void => {
    while (!exhausted && inFlight.length < Math.max(1, concurrency)) {
      const next = tasks.next();
      if (next.done) {
        exhausted = true;
        return;
      }
      const running = next.value(controller.signal);
      // Rejections are observed when the page's turn comes; this only keeps an
      // abandoned page (after an earlier failure or an early stop) from being reported as unhandled.
      running.catch(() => undefined);
      inFlight.push(running);
    }
  };
  try {
    signal?.throwIfAborted();
    fill();
    while (inFlight.length > 0) {
      const page = await (inFlight.shift() as Promise<T>);
      signal?.throwIfAborted();
      fill();
      yield page;
    }
  } finally {
    if (!controller.signal.aborted) controller.abort(new DOMException("Paging stopped", "AbortError"));
    signal?.removeEventListener("abort", onAbort);
  }
}
