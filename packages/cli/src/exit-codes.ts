/** The command's exit codes (documented in the README and in `arcrest --help`). */
export const EXIT = {
  /** Everything asked was done. */
  ok: 0,
  /** The server or the file system failed, or some edits failed. */
  failure: 1,
  /** Bad command line: unknown command or flag, missing argument, a value that is not valid. */
  usage: 2,
  /** The server returned fewer features than it counted (an incomplete result). */
  incomplete: 3,
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM; nothing partial was left behind. */
  interrupted: 130,
} as const;

/** One of {@link EXIT}'s values. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
