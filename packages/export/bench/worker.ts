/**
 * One measured writer run in its own process, so peak memory is its own:
 * `worker.ts <points|polygons> <count> <path>` (format from the extension) prints JSON
 * { kind, count, seconds, cpuSeconds, features, maxRssMb }.
 */
import { writeFeaturesToFile } from "@arcrest/export/node";
import { points, polygons } from "./data.js";

const [kind, countText, path] = process.argv.slice(2);
const count = Number(countText);
const source = kind === "points" ? points(count) : polygons(count);
const start = performance.now();
const cpu0 = process.cpuUsage();
const result = await writeFeaturesToFile(source, path, { overwrite: true });
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({ kind, count, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, features: result.featureCount, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
