/** Child process of kill.chaos.test.ts: exports a layer (argv: layer URL, destination) and prints "done". */
import { MapServiceLayer } from "@arcrest/query";
import { exportLayer } from "../../src/node/index.js";

const [url, destination] = process.argv.slice(2);
const layer = await MapServiceLayer.connect(url!);
await exportLayer(layer, destination!, { overwrite: true });
process.stdout.write("done\n");
