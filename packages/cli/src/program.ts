import { Command, CommanderError } from "commander";
import { registerAdmin } from "./commands/admin.js";
import { registerAttachments } from "./commands/attachments.js";
import { registerCount } from "./commands/count.js";
import { registerEdit } from "./commands/edit.js";
import { registerExport } from "./commands/export.js";
import { registerGeocode } from "./commands/geocode.js";
import { registerGp } from "./commands/gp.js";
import { registerInfo } from "./commands/info.js";
import { registerLogin } from "./commands/login.js";
import { registerLs } from "./commands/ls.js";
import { registerPortal } from "./commands/portal.js";
import { registerQuery } from "./commands/query.js";
import type { Runner } from "./commands/run.js";
import { registerServeSample } from "./commands/serve-sample.js";
import { createContext, type GlobalFlags } from "./context.js";
import { describeError, exitCodeFor } from "./errors.js";
import { EXIT } from "./exit-codes.js";

const EXIT_CODES_HELP = `
Exit codes:
  0    done
  1    failure (server, network, file system, or some edits failed)
  2    usage (unknown command or flag, bad value)
  3    incomplete result (the server returned fewer features than it counted, or batch geocoding records failed)
  130  interrupted (Ctrl-C); nothing partial is left behind

Authentication: --token T, or --username U with the password from $ARCREST_PASSWORD or a prompt,
or a token saved by \`arcrest login\`. Tokens are only sent to the server they belong to, never printed.`;

/** What ends a run: how the command is stopped, and where interruptions come from. */
export interface ProgramRuntime {
  /** Aborted on Ctrl-C / SIGTERM, or when stdout's reader goes away. */
  controller: AbortController;
  /** Set when the user interrupted (exit 130). */
  interrupted: () => boolean;
  /** Set when stdout's reader closed early (`| head`): the run ends quietly with 0. */
  stdoutClosed: () => boolean;
}

/** The `arcrest` program: every command, the global flags, and errors turned into exit codes. */
export function createProgram(runtime: ProgramRuntime): Command {
  const program = new Command("arcrest")
    .description("Browse, count, query, export and edit ArcGIS REST services; geocode, run geoprocessing tasks, administer servers, search portals")
    .version("0.1.0")
    .option("--token <token>", "a token for the server of the URL")
    .option("-u, --username <name>", "sign in as this user (password from $ARCREST_PASSWORD or a prompt)")
    .option("--proxy <url>", "send requests through an Esri resource proxy")
    .option("--timeout <ms>", "per-request timeout in milliseconds")
    .option("-v, --verbose", "show error details")
    .addHelpText("after", EXIT_CODES_HELP)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();

  const run: Runner = async (action) => {
    const flags = program.opts<GlobalFlags>();
    try {
      await action(createContext(flags, runtime.controller.signal));
    } catch (error) {
      if (runtime.stdoutClosed()) return;
      process.stderr.write(`${describeError(error, flags.verbose === true)}\n`);
      process.exitCode = exitCodeFor(error, runtime.interrupted());
    }
  };
  for (const register of [registerLs, registerInfo, registerCount, registerExport, registerQuery, registerEdit, registerAttachments, registerGeocode, registerGp, registerAdmin, registerPortal, registerLogin, registerServeSample]) {
    register(program, run);
  }
  return program;
}

/** Parses argv and runs; commander's own usage errors exit 2, `--help`/`--version` exit 0. */
export async function runProgram(argv: string[], runtime: ProgramRuntime): Promise<void> {
  const program = createProgram(runtime);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    throw error;
  }
}
