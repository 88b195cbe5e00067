import { generateToken } from "@arcrest/core";
import { serverRoot } from "@arcrest/core/internal";
import type { Command } from "commander";
import { readPassword } from "../auth/password.js";
import { removeToken, saveToken, tokenFile } from "../auth/token-store.js";
import { UsageError } from "../errors.js";
import { urlKind } from "./open.js";
import type { Runner } from "./run.js";

/** `arcrest login URL --username U`: a token saved for that server (file mode 0600), used by later commands. */
export function registerLogin(program: Command, run: Runner): void {
  program
    .command("login")
    .description("sign in to a server and save a token for it (the password is never saved)")
    .argument("<url>", "any URL on the server")
    .option("--logout", "forget the saved token for this server instead")
    .option("--minutes <n>", "token lifetime in minutes", "120")
    .addHelpText(
      "after",
      "\nThe password comes from $ARCREST_PASSWORD or a prompt that does not echo.\n\nExample:\n  $ arcrest --username arcrest login http://127.0.0.1:8080/arcgis/rest/services",
    )
    .action((url: string, flags: { logout?: boolean; minutes: string }) =>
      run(async (ctx) => {
        urlKind(url);
        if (flags.logout) {
          const removed = await removeToken(url);
          ctx.stderr.write(removed ? `forgot the token for ${serverRoot(url)}\n` : `no saved token for ${serverRoot(url)}\n`);
          return;
        }
        const username = ctx.flags.username;
        if (!username) throw new UsageError("login needs --username (the password comes from $ARCREST_PASSWORD or a prompt)");
        const minutes = Number(flags.minutes);
        if (!Number.isInteger(minutes) || minutes <= 0) throw new UsageError(`--minutes must be a positive whole number, got ${flags.minutes}`);
        const password = await readPassword(username);
        const token = await generateToken(url, username, password, { session: ctx.session, signal: ctx.signal, expirationMinutes: minutes });
        await saveToken({ serverRoot: token.serverRoot, token: token.value, expires: token.expires.getTime(), username });
        ctx.stderr.write(`signed in to ${token.serverRoot} as ${username} until ${token.expires.toISOString()}; token saved in ${tokenFile()}\n`);
      }),
    );
}
