import { InterruptedError, UsageError } from "../errors.js";

/**
 * The password for `username`: `$ARCREST_PASSWORD`, else typed at a prompt that does not echo.
 * Never a flag, so it never lands in shell history or a process listing.
 */
export async function readPassword(username: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.ARCREST_PASSWORD) return env.ARCREST_PASSWORD;
  const input = process.stdin;
  if (!input.isTTY) {
    throw new UsageError(`no password for ${username}: set ARCREST_PASSWORD or run in a terminal to be prompted`);
  }
  return promptHidden(`Password for ${username}: `);
}

function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.resume();
  input.setEncoding("utf8");
  let typed = "";
  return new Promise<string>((resolve, reject) => {
    const finish = (error?: Error): void => {
      input.setRawMode(false);
      input.pause();
      input.off("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") return finish();
        if (char === "\u0003") return finish(new InterruptedError());
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on("data", onData);
  });
}
