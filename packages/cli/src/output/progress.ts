import cliProgress from "cli-progress";

/** Reports a long job's progress: a bar on a terminal, plain periodic lines otherwise. */
export interface ProgressReporter {
  /** Records `done` of `total` (total may become known later). */
  update(done: number, total?: number): void;
  /** Ends the display (the bar's last state stays on screen). */
  stop(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** What is counted ("features", "edits", "files"). */
  unit: string;
  /** Where to draw: stderr, so stdout stays clean for data and `--json`. */
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  /** Minimum time between plain lines, in ms. Default 2,000. */
  lineIntervalMs?: number;
}

/** A bar with count, rate and ETA on a TTY; `N features (R/s)` lines every few seconds when not. */
export function createProgress(options: ProgressOptions): ProgressReporter {
  return options.stream.isTTY ? barProgress(options) : lineProgress(options);
}

function barProgress({ unit, stream }: ProgressOptions): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: `{bar} {percentage}% | {value}/{total} ${unit} | {speed}/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let running = false;
  return {
    update(done, total) {
      const speed = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
      if (!running) {
        bar.start(total ?? 0, done, { speed });
        running = true;
      } else if (total !== undefined && total !== bar.getTotal()) bar.setTotal(total);
      bar.update(done, { speed });
    },
    stop() {
      if (running) bar.stop();
    },
  };
}

function lineProgress({ unit, stream, lineIntervalMs = 2000 }: ProgressOptions): ProgressReporter {
  const started = Date.now();
  let last = 0;
  let latest: { done: number; total?: number } | undefined;
  let printed: number | undefined;
  const print = (): void => {
    if (!latest || latest.done === printed) return;
    printed = latest.done;
    const seconds = (Date.now() - started) / 1000;
    const of = latest.total !== undefined ? ` of ${latest.total}` : "";
    stream.write(`${latest.done}${of} ${unit} (${Math.round(latest.done / Math.max(seconds, 0.001))}/s)\n`);
  };
  return {
    update(done, total) {
      latest = { done, total };
      const now = Date.now();
      if (now - last >= lineIntervalMs) {
        last = now;
        print();
      }
    },
    stop() {
      print();
    },
  };
}
