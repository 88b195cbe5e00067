/**
 * One measured run in its own process, so peak memory is its own:
 * `worker.ts <points|polygons> <count> <shp|geojson> <path>` prints JSON.
 */
import { writeFeaturesToFile } from "../src/node/index.js";
import { points, polygons } from "./data.js";

const [kind, countText, format, path] = process.argv.slice(2);
const count = Number(countText);
const source = kind === "points" ? points(count) : polygons(count);
let peak = process.memoryUsage().rss;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const start = performance.now();
const result = await writeFeaturesToFile(source, path, {
  overwrite: true,
  format: format === "shp" ? "shapefile" : "geojson",
  onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)),
});
const seconds = (performance.now() - start) / 1000;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(JSON.stringify({ kind, count, format, seconds, features: result.featureCount, peakRssMb: peak / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
