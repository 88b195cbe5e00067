// One measurement in a fresh process, on the compiled packages (as users run them), so that
// peak RSS belongs to that client alone and no TypeScript loader runs alongside:
//   node bench/run-one.mjs <mode> <layerUrl> <concurrency> <pagesFile>
// prints one JSON line { mode, features, ms, cpuMs, maxRssMB } (cpuMs: the client's CPU, all threads, while reading).
//
//   arcrest   MapServiceLayer.connect(url), then features(): counts features, keeps none
//   record    as arcrest, also writing the page requests it sent to pagesFile
//   baseline  the recorded page requests, same concurrency, in order, only JSON.parse per body
//   esri      queryAllFeatures of @esri/arcgis-rest-feature-service (one page at a time, holds all)
//   offset    arcrest forced to resultOffset paging (what offsets cost a database-backed server)
//   ids       arcrest forced to id batches (planned from returnCountOnly + returnIdsOnly, no statistics)
import { readFileSync, writeFileSync } from "node:fs";

const [mode, url, concurrencyArg, pagesFile] = process.argv.slice(2);

// Each mode imports only its own client (before the clock starts), so that memory belongs to that client alone.
const clients = {};
if (mode === "esri") Object.assign(clients, await import("@esri/arcgis-rest-feature-service"));
else if (mode !== "baseline") Object.assign(clients, await import("@arcrest/core"), await import("@arcrest/query"));

const concurrency = Number(concurrencyArg ?? 6);

/** Reads every feature with arcrest, optionally recording the page requests sent. */
async function arcrest(paging, record) {
  const { Session, MapServiceLayer } = clients;
  /** @type {typeof fetch} */
  const recordingFetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const body = request.method === "POST" ? await request.clone().text() : undefined;
    const target = request.url + (body ? `?${body}` : "");
    if (/\/query\?/.test(target) && !/outStatistics=|returnIdsOnly=true|returnCountOnly=true/.test(target)) {
      record.push({ url: request.url, method: request.method, ...(body ? { body } : {}) });
    }
    return fetch(request);
  };
  const session = new Session(record ? { fetch: recordingFetch } : {});
  const layer = await MapServiceLayer.connect(url, { session });
  let n = 0;
  for await (const feature of layer.features({ concurrency, paging })) {
    if (feature.attributes) n++;
  }
  return n;
}

/** Fetches the recorded pages with the same window, parsing each body and keeping nothing. */
async function baseline(pages) {
  let n = 0;
  let next = 0;
  const inFlight = [];
  const start = () => {
    const page = pages[next++];
    const init = page.body ? { method: "POST", body: page.body, headers: { "content-type": "application/x-www-form-urlencoded" } } : {};
    inFlight.push(fetch(page.url, init).then((r) => r.text()));
  };
  while (next < pages.length && inFlight.length < concurrency) start();
  while (inFlight.length > 0) {
    const text = await inFlight.shift();
    if (next < pages.length) start();
    n += JSON.parse(text).features.length;
  }
  return n;
}

const t0 = performance.now();
const cpu0 = process.cpuUsage();
let features;
if (mode === "arcrest") features = await arcrest("auto");
else if (mode === "offset") features = await arcrest("offset");
else if (mode === "ids") features = await arcrest("ids");
else if (mode === "record") {
  const pages = [];
  features = await arcrest("auto", pages);
  writeFileSync(pagesFile, JSON.stringify(pages));
} else if (mode === "baseline") features = await baseline(JSON.parse(readFileSync(pagesFile, "utf8")));
else if (mode === "esri") {
  features = (await clients.queryAllFeatures({ url, where: "1=1", outFields: "*" })).features.length;
} else throw new Error(`unknown mode ${mode}`);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ mode, features, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
