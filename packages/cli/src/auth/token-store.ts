import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { serverRoot } from "@arcrest/core/internal";

/** A token saved by `arcrest login`. */
export interface StoredToken {
  /** The server root it was issued for; it is only ever sent there. */
  serverRoot: string;
  /** The token string. */
  token: string;
  /** Expiry, epoch ms. */
  expires: number;
  /** Who signed in (shown by `arcrest login --status`, never the password). */
  username: string;
}

/** `$ARCREST_CONFIG_DIR`, else `$XDG_CONFIG_HOME/arcrest`, else `~/.config/arcrest`. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ARCREST_CONFIG_DIR) return env.ARCREST_CONFIG_DIR;
  return join(env.XDG_CONFIG_HOME || join(homedir(), ".config"), "arcrest");
}

/** The per-user file holding saved tokens (mode 0600). */
export function tokenFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), "tokens.json");
}

async function readAll(file: string): Promise<StoredToken[]> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
    return Array.isArray(parsed) ? (parsed as StoredToken[]) : [];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new Error(`cannot read saved tokens in ${file}: ${(error as Error).message}`);
  }
}

/** Saves a token, replacing the one for the same server root; the file is only readable by its owner. */
export async function saveToken(entry: StoredToken, file = tokenFile()): Promise<void> {
  const key = serverRoot(entry.serverRoot).toLowerCase();
  const others = (await readAll(file)).filter((t) => serverRoot(t.serverRoot).toLowerCase() !== key);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify([...others, entry], null, 2)}\n`, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, file);
}

/** The saved, unexpired token for the server of `url`, if any. */
export async function findToken(url: string, file = tokenFile()): Promise<StoredToken | undefined> {
  const key = serverRoot(url).toLowerCase();
  return (await readAll(file)).find((t) => serverRoot(t.serverRoot).toLowerCase() === key && t.expires > Date.now());
}

/** Forgets the token for the server of `url`; whether one was saved. */
export async function removeToken(url: string, file = tokenFile()): Promise<boolean> {
  const key = serverRoot(url).toLowerCase();
  const all = await readAll(file);
  const kept = all.filter((t) => serverRoot(t.serverRoot).toLowerCase() !== key);
  if (kept.length === all.length) return false;
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, file);
  return true;
}
