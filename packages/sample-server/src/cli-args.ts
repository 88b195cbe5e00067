import type { SampleServerOptions } from "./types.js";

/** One-line usage of the command. */
export const USAGE = "usage: arcrest-sample-server [--port N] [--host H] [--synthetic N] [--latency MS] [--seed N] [--offset-cost]";

/** Parses command-line arguments into server options; throws with a message naming the bad argument. */
export function parseCliArgs(args: string[]): SampleServerOptions {
  const options: SampleServerOptions = { port: 6080 };
  const number = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (value === undefined || value === "" || !Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a non-negative number, got '${value ?? ""}'`);
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    switch (flag) {
      case "--port":
        options.port = number(flag, value());
        break;
      case "--host":
        options.host = value();
        break;
      case "--synthetic":
        options.syntheticPoints = number(flag, value());
        break;
      case "--latency":
        options.latencyMs = number(flag, value());
        break;
      case "--seed":
        options.seed = number(flag, value());
        break;
      case "--offset-cost":
        options.offsetCost = true;
        break;
      case "--help":
      case "-h":
        throw new Error(USAGE);
      default:
        throw new Error(`unknown argument '${arg}'\n${USAGE}`);
    }
  }
  return options;
}

