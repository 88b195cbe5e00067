import { type ConnectOptions, Session } from "@arcrest/core";
import { readPassword } from "./auth/password.js";
import { findToken } from "./auth/token-store.js";
import { UsageError } from "./errors.js";

/** Flags every command accepts (declared on the program, read by each command). */
export interface GlobalFlags {
  /** A token for the server of the URL. */
  token?: string;
  /** Sign in as this user (password from `$ARCREST_PASSWORD` or a prompt). */
  username?: string;
  /** An Esri resource proxy. */
  proxy?: string;
  /** Errors with details and stack. */
  verbose?: boolean;
  /** Request timeout in milliseconds. */
  timeout?: string;
}

/** What a command runs with: the flags, one session, the signal Ctrl-C aborts, and the output streams. */
export interface CommandContext {
  flags: GlobalFlags;
  session: Session;
  signal: AbortSignal;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Connect options for a URL: the flags' credentials, else a token saved by `arcrest login` for that server. */
  connectOptions(url: string): Promise<ConnectOptions>;
}

/** Parses `--timeout` (milliseconds, like every timeout in arcrest). */
function timeoutMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) throw new UsageError(`--timeout must be a positive number of milliseconds, got ${value}`);
  return ms;
}

/** Builds the context a command runs in. */
export function createContext(flags: GlobalFlags, signal: AbortSignal): CommandContext {
  if (flags.token !== undefined && flags.username !== undefined) throw new UsageError("use either --token or --username, not both");
  const ms = timeoutMs(flags.timeout);
  const session = new Session(ms === undefined ? {} : { timeoutMs: ms });
  return {
    flags,
    session,
    signal,
    stdout: process.stdout,
    stderr: process.stderr,
    async connectOptions(url: string): Promise<ConnectOptions> {
      const base: ConnectOptions = { session, signal };
      if (flags.proxy) base.proxy = flags.proxy;
      if (flags.token) return { ...base, token: flags.token };
      if (flags.username) return { ...base, username: flags.username, password: await readPassword(flags.username) };
      const saved = await findToken(url);
      if (saved) return { ...base, token: saved.token };
      return base;
    },
  };
}
