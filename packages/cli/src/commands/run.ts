import type { CommandContext } from "../context.js";

/** Runs a command's action in the context made from the program's global flags. */
export type Runner = (action: (ctx: CommandContext) => Promise<void>) => Promise<void>;
