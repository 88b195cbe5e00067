import { startSampleServer } from "@arcrest/sample-server";
import type { Command } from "commander";
import { UsageError } from "../errors.js";
import type { Runner } from "./run.js";

/** `arcrest serve-sample [--port N]`: the sample server, so every command can be tried offline. */
export function registerServeSample(program: Command, run: Runner): void {
  program
    .command("serve-sample")
    .description("start the sample ArcGIS server on 127.0.0.1 (sample data, a token user arcrest / arcrest-pass)")
    .option("-p, --port <port>", "port to listen on (0 picks a free one)", "8080")
    .option("--synthetic <n>", "add Bench/SyntheticPoints with this many points")
    .addHelpText("after", "\nExample:\n  $ arcrest serve-sample --port 8080 &\n  $ arcrest ls http://127.0.0.1:8080/arcgis/rest/services")
    .action((flags: { port: string; synthetic?: string }) =>
      run(async (ctx) => {
        const port = Number(flags.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, got ${flags.port}`);
        const synthetic = flags.synthetic === undefined ? undefined : Number(flags.synthetic);
        if (synthetic !== undefined && (!Number.isInteger(synthetic) || synthetic < 0)) throw new UsageError(`--synthetic must be a whole number, got ${flags.synthetic}`);
        const server = await startSampleServer({ port, ...(synthetic ? { syntheticPoints: synthetic } : {}) });
        ctx.stdout.write(`${server.restUrl}\n`);
        ctx.stderr.write("sample server running; Ctrl-C stops it\n");
        await new Promise<void>((resolve) => ctx.signal.addEventListener("abort", () => resolve(), { once: true }));
        await server.close();
      }),
    );
}
