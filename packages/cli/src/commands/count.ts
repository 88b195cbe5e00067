import type { Command } from "commander";
import { openLayer } from "./open.js";
import type { Runner } from "./run.js";

/** `arcrest count URL [--where SQL]`: how many features match. */
export function registerCount(program: Command, run: Runner): void {
  program
    .command("count")
    .description("count the features of a layer that match a where clause")
    .argument("<layer-url>", "a layer or table URL")
    .option("-w, --where <sql>", "where clause", "1=1")
    .addHelpText("after", "\nExample:\n  $ arcrest count http://127.0.0.1:8080/arcgis/rest/services/ahps_gauges/MapServer/0 --where \"state = 'CA'\"")
    .action((url: string, flags: { where: string }) =>
      run(async (ctx) => {
        const layer = await openLayer(ctx, url);
        ctx.stdout.write(`${await layer.count({ where: flags.where, signal: ctx.signal })}\n`);
      }),
    );
}
