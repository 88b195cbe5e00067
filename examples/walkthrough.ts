/**
 * The seed README's walkthrough (restapi for Python), step by step in TypeScript,
 * against the embedded sample server. `pnpm demo` runs it; a test runs it too.
 */
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ArcServer, Geometry, Session, generateToken } from "@arcrest/core";
import { startSampleServer } from "@arcrest/sample-server";

/** Where the walkthrough runs and what it prints to. */
export interface WalkthroughOptions {
  /** A services directory, e.g. `http://127.0.0.1:8080/arcgis/rest/services`. */
  restUrl: string;
  /** Folder for the files it writes. */
  outDir: string;
  /** Receives each printed line (default: console.log). */
  log?: (line: string) => void;
}

/** What the walkthrough found, for tests to check. */
export interface WalkthroughReport {
  folders: number;
  services: number;
  walked: string[];
  securedFolders: string[];
  envelope: string;
}

/** Runs every step that exists so far; later packages add theirs. */
export async function walkthrough(options: WalkthroughOptions): Promise<WalkthroughReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const step = (title: string) => log(`\n== ${title}`);
  await mkdir(options.outDir, { recursive: true });
  // A session of our own, so the demo's tokens do not leak into the caller's default session.
  const session = new Session();

  step("Connect to a services directory (no authentication needed)");
  const ags = await ArcServer.connect(options.restUrl, { session });
  log(`Number of folders: ${ags.folders.length}`);
  log(`Number of services: ${ags.services.length}`);

  step("Walk through the directories");
  const walked: string[] = [];
  const secured: string[] = [];
  for await (const { root, folders, services } of ags.walk({ onWarning: (w) => secured.push(w.folder) })) {
    walked.push(root);
    log(`${root || "(root)"}  folders=${JSON.stringify(folders)}  services=${JSON.stringify(services.map((s) => `${s.name} (${s.type})`))}`);
  }
  for (const folder of secured) log(`skipped ${folder}: it needs a token`);

  step("Access the ahps_gauges service and its layers");
  const gauges = await ags.getService("ahps_gauges");
  log(gauges.url);
  log(JSON.stringify(gauges.listLayers()));

  step("Geometry: the Sacramento polygon's envelope");
  const sacramento = {
    rings: [
      [
        [-121.5, 38.6], [-121.4, 38.6], [-121.3, 38.6], [-121.2, 38.6],
        [-121.2, 38.3], [-121.5, 38.3], [-121.5, 38.6],
      ],
    ],
    spatialReference: { wkid: 4326, latestWkid: 4326 },
  };
  const envelope = new Geometry(sacramento).envelope().toString();
  log(envelope);

  step("Token-based security: generate a token, then connect to the secured folder");
  const token = await generateToken(options.restUrl, "arcrest", "arcrest-pass", { session });
  log(`token for ${token.serverRoot}, expires ${token.expires.toISOString()}`);
  const signedIn = await ArcServer.connect(options.restUrl, { session });
  const secureFolder = [];
  for await (const { root, services } of signedIn.walk()) {
    if (root === "Secure") secureFolder.push(...services.map((s) => s.name));
  }
  log(`Secure folder now lists: ${JSON.stringify(secureFolder)}`);

  return {
    folders: ags.folders.length,
    services: ags.services.length,
    walked,
    securedFolders: secured,
    envelope,
  };
}

async function main(): Promise<void> {
  const server = await startSampleServer({ port: 0 });
  const outDir = resolve(process.env.INIT_CWD ?? process.cwd(), "out");
  console.log(`sample server at ${server.url}; writing files to ${outDir}`);
  try {
    await walkthrough({ restUrl: server.restUrl, outDir });
  } finally {
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
