/**
 * The seed README's walkthrough (restapi for Python), step by step in TypeScript,
 * against the embedded sample server. `pnpm demo` runs it; a test runs it too.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { deflateSync } from "node:zlib";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ArcServer, Session, generateToken } from "@arcrest/core";
import { Geometry } from "@arcrest/core/node";
import { ArcServerAdmin } from "@arcrest/admin";
import { MapService } from "@arcrest/query";
import { FeatureService } from "@arcrest/feature-edit";
import { attachmentFile, saveAttachment } from "@arcrest/feature-edit/node";
import { clip, exportFeatureSet, exportGeocodeResults, exportLayer, exportReplica } from "@arcrest/export/node";
import { Geocoder } from "@arcrest/geocode";
import { Portal } from "@arcrest/portal";
import { GPTask } from "@arcrest/gp";
import { startSampleServer } from "@arcrest/sample-server";
import { ImageService } from "@arcrest/image";
import { clipToFile } from "@arcrest/image/node";

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
  layers: string[];
  fields: string[];
  californiaRows: number;
  californiaCount: number;
  files: string[];
  clippedEnvelope: string;
  edits: { added: number; attachments: string[]; updated: string; deleted: string; replicaFiles: string[] };
  portal: PortalReport;
  admin: AdminReport;
  geocode: GeocodeReport;
  image: ImageStepsReport;
  gp: GPStepsReport;
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

  step("Connect to the ahps_gauges map service from the ArcServer object");
  const gauges = await MapService.connect(ags, "ahps_gauges");
  log(gauges.url);
  const layers = gauges.listLayers();
  log(JSON.stringify(layers));

  step("Access the observed river stages layer (not case sensitive, * wildcards) and list its fields");
  const lyr = await gauges.layer("Observed_River*");
  const fields = lyr.listFields();
  log(JSON.stringify(fields));

  step("Search cursor for gauges in California, with the SHAPE@ token and a field list");
  const where = "state = 'CA'";
  let californiaRows = 0;
  for await (const row of lyr.cursor({ where, fields: ["SHAPE@", "gaugelid", "status", "location"] })) {
    const [shape, gaugelid, status, location] = row;
    if (californiaRows < 3) log(`${String(gaugelid)}  ${String(status)}  ${String(location)}  ${JSON.stringify(shape)}`);
    californiaRows++;
  }
  const californiaCount = await lyr.count({ where });
  log(`${californiaRows} rows (the server counts ${californiaCount}); the same from the service: gauges.cursor("observed_river_stages", { where })`);

  step("Export the layer to a shapefile in Web Mercator, and to KMZ");
  const shp = join(options.outDir, "California_Stream_Gauges.shp");
  const kmz = join(options.outDir, "California_Stream_Gauges.kmz");
  await exportLayer(lyr, shp, { where, outSR: 102100, overwrite: true, onProgress: progressLogger(log, "shapefile") });
  log(`wrote ${shp}`);
  await exportLayer(lyr, kmz, { where, overwrite: true });
  log(`wrote ${kmz}`);

  step("Clip the layer by a polygon (Sacramento area) and keep two fields");
  const sacramento = {
    rings: [
      [
        [-121.5, 38.6], [-121.4, 38.6], [-121.3, 38.6], [-121.2, 38.6],
        [-121.2, 38.3], [-121.5, 38.3], [-121.5, 38.6],
      ],
    ],
    spatialReference: { wkid: 4326, latestWkid: 4326 },
  };
  const sac = join(options.outDir, "Sacramento_gauges.shp");
  await clip(lyr, sacramento, sac, { fields: ["gaugelid", "location"], overwrite: true });
  log(`wrote ${sac}`);

  step("A note about input geometries: read the first feature of a shapefile");
  const envelope = new Geometry(sacramento).envelope().toString();
  log(`Sacramento polygon envelope: ${envelope}`);
  const firstClipped = await Geometry.fromFile(sac);
  const clippedEnvelope = firstClipped.envelope().toString();
  log(`first gauge of ${sac}: ${clippedEnvelope}`);

  step("Feature editing: connect to a feature service; its layer is a FeatureLayer (query + edit)");
  const fs = await FeatureService.connect(ags, "SanFrancisco/311Incidents");
  const incidents = await fs.layer("incidents");
  log(`${fs.url}: ${incidents.name}`);

  step("Add a new feature");
  const adds = [
    {
      attributes: {
        req_type: "Damaged Property",
        req_date: "07/19/2009",
        req_time: "11:08",
        address: "173 RESTAPI DR",
        x_coord: "-122.4167",
        y_coord: "37.7833",
        district: "7",
        status: 1,
      },
      geometry: { x: -122.4167, y: 37.7833, spatialReference: { wkid: 4326 } },
    },
  ];
  const result = await incidents.addFeatures(adds);
  const oid = result.addResults[0].objectId as number;
  log(`added object id ${oid}, GlobalID ${result.addResults[0].globalId}`);

  step("Add an attachment, then list and download the feature's attachments");
  const png = join(options.outDir, "python.png");
  await writeFile(png, tinyPng());
  await incidents.addAttachment(oid, await attachmentFile(png));
  await rm(png);
  const attachmentsFolder = join(options.outDir, "attachments");
  await mkdir(attachmentsFolder, { recursive: true });
  const downloaded: string[] = [];
  for (const attachment of await incidents.attachments(oid)) {
    log(`${attachment.name}  ${attachment.contentType}  ${attachment.size} bytes`);
    // attachment.download() gives the bytes anywhere; saveAttachment writes them to a folder (Node).
    downloaded.push(await saveAttachment(attachment, attachmentsFolder));
  }
  log(`downloaded ${JSON.stringify(downloaded)}`);

  step("Update the feature we just added, then delete it");
  const updated = await incidents.updateFeatures([{ attributes: { ...adds[0].attributes, address: "Address Not Available", objectid: oid } }]);
  log(`update: ${updated.updateResults[0].status}`);
  const deleted = await incidents.deleteFeatures({ objectIds: [oid] });
  log(`delete: ${deleted.deleteResults[0].status}`);

  step("Offline capabilities (sync): create a replica and export it to shapefiles with attachment links");
  const replica = await fs.createReplica({
    layers: [0],
    replicaName: "test_replica",
    geometry: { x: -122.4167, y: 37.7833, spatialReference: { wkid: 4326 } },
    geometryType: "esriGeometryPoint",
    inSR: 4326,
    layerQueries: { 0: { where: "district = '7'", useGeometry: false } },
    returnAttachments: true,
  });
  log(`replica ${replica.replicaName} (${replica.replicaID}): ${replica.layers[0].features.length} features`);
  const replicaFiles: string[] = [];
  for (const layer of await exportReplica(replica, join(options.outDir, "replica"), { extension: ".shp", overwrite: true })) {
    log(`wrote ${layer.result.files[0]} (${layer.attachments.length} attachments)`);
    replicaFiles.push(...layer.result.files);
  }

  const geocode = await geocodeSteps(options.restUrl, options.outDir, session, log, step);

  step("Token-based security: generate a token, then connect to the secured folder");
  const token = await generateToken(options.restUrl, "arcrest", "arcrest-pass", { session });
  log(`token for ${token.serverRoot}, expires ${token.expires.toISOString()}`);
  const signedIn = await ArcServer.connect(options.restUrl, { session });
  const secureFolder = [];
  for await (const { root, services } of signedIn.walk()) {
    if (root === "Secure") secureFolder.push(...services.map((s) => s.name));
  }
  log(`Secure folder now lists: ${JSON.stringify(secureFolder)}`);

  const portal = await portalSteps(options, log, step);
  const admin = await adminSteps(options.restUrl.replace(/\/rest\/services\/?$/, "/admin"), step, log);
  const gp = await gpSteps({ ...options, log, step, session });

  return {
    folders: ags.folders.length,
    services: ags.services.length,
    walked,
    securedFolders: secured,
    envelope,
    layers,
    fields,
    californiaRows,
    californiaCount,
    files: [shp, kmz, sac],
    clippedEnvelope,
    edits: { added: oid, attachments: downloaded, updated: String(updated.updateResults[0].status), deleted: String(deleted.deleteResults[0].status), replicaFiles },
    portal,
    admin,
    geocode,
    image: await imageSteps(options.restUrl, options.outDir, session, log),
    gp,
  };
}

// ---------------------------------------------------------------------------------------------
// Portal steps (@arcrest/portal)
// ---------------------------------------------------------------------------------------------

/** What the Portal steps found. */
export interface PortalReport {
  user: string | undefined;
  servers: string[];
  /** configuredState of the service after stop, then after start. */
  adminStates: string[];
  featureServiceItems: number;
  layerCount: number;
}

/** The seed's "Connecting to a Portal": sign in at /portal/home, list the federated servers, find and open items. */
async function portalSteps(options: WalkthroughOptions, log: (line: string) => void, step: (title: string) => void): Promise<PortalReport> {
  const portalHome = `${new URL(options.restUrl).origin}/portal/home`;
  step("Connecting to a Portal (sign in at /portal/home)");
  const portal = await Portal.connect(portalHome, { username: "arcrest", password: "arcrest-pass", session: new Session() });
  log(`${portal.self.name} (version ${portal.self.currentVersion}), signed in as ${portal.username}`);

  step("Get the portal's federated servers");
  const servers = await portal.servers();
  for (const s of servers) log(`${s.serverRole} ${s.url} (admin: ${s.adminUrl})`);

  step("Stop, then restart, a service on the first federated server (its token is exchanged from the portal's)");
  const admin = await portal.serverAdmin(servers[0]);
  const service = await admin.service("ahps_gauges.MapServer");
  await service.stop();
  const stopped = (await service.status()).configuredState;
  await service.start();
  const restarted = (await service.status()).configuredState;
  log(`${service.serviceName}: ${stopped}, then ${restarted}`);

  step("Search the portal for Feature Service items, page by page");
  let featureServiceItems = 0;
  let first;
  for await (const item of portal.searchItems({ q: 'type:"Feature Service"', onProgress: progressLogger(log, "items") })) {
    featureServiceItems++;
    first ??= item;
  }
  log(`${featureServiceItems} Feature Service items; the first is "${first?.title}" at ${first?.url}`);

  step("Open a Feature Service item as a layer (the federated server's token comes from the portal)");
  const layer = await portal.featureLayer(first!);
  const layerCount = await layer.count();
  log(`${layer.name}: ${layerCount} features`);
  return { user: portal.username, servers: servers.map((s) => s.url), adminStates: [stopped, restarted], featureServiceItems, layerCount };
}

// ---- administration (@arcrest/admin) ------------------------------------------------------------

/** What the administration steps found. */
export interface AdminReport {
  folderServices: string[];
  stopped: string[];
  privateStatus: number | undefined;
  description: string;
  extensionsAfterDisable: string[];
  dataItems: string[];
  usersInRole: string[];
  logs: number;
}

/** The seed's `restapi.admin` steps: folders, permissions, batch stop/start, edits, extensions, stores, logs. Leaves the site as it found it. */
async function adminSteps(adminUrl: string, step: (title: string) => void, log: (line: string) => void): Promise<AdminReport> {
  step("Administration: connect to the Administrator API");
  const admin = await ArcServerAdmin.connect(adminUrl, { username: "arcrest", password: "arcrest-pass" });
  const folderServices: string[] = [];
  for await (const s of admin.folder("SanFrancisco").services()) folderServices.push(`${s.serviceName} (${s.configuredState})`);
  log(`SanFrancisco: ${folderServices.join(", ")}`);

  step("Administration: make a folder private, then public again");
  await admin.addPermission("SanFrancisco", { private: true });
  const anonymous = (await (await fetch(`${adminUrl.replace(/\/admin$/, "/rest/services")}/SanFrancisco?f=json`)).json()) as { error?: { code: number } };
  log(`anonymous request to the private folder: error ${anonymous.error?.code}`);
  await admin.addPermission("SanFrancisco", { private: false });
  await admin.addPermission("311Incidents", { principal: "viewers", allowed: true });

  step("Administration: stop and start every service of a folder");
  const stopped = await admin.stopServices({ folder: "SanFrancisco" });
  log(stopped.map((r) => `${r.service}: ${r.ok ? "stopped" : r.error?.message}`).join("\n"));
  await admin.startServices({ folder: "SanFrancisco" });

  step("Administration: edit a service and its extensions");
  const service = await admin.service("311Incidents"); // unique partial name
  const oldDescription = service.json.description ?? "";
  await service.edit({ description: "Updated" });
  await service.disableExtensions(["FeatureServer"]);
  const extensionsAfterDisable = service.enabledExtensions;
  log(`enabled: ${JSON.stringify(extensionsAfterDisable)}, disabled: ${JSON.stringify(service.disabledExtensions)}`);
  await service.enableExtensions(["FeatureServer"]);
  await service.setExtensionProperties("FeatureServer", { capabilities: "Query,Create,Update,Delete,Editing" });
  const description = service.json.description ?? "";
  await service.edit({ description: oldDescription });

  step("Administration: data store, roles, users");
  const dataItems: string[] = [];
  for await (const item of admin.dataStore.items()) dataItems.push(`${item.type} ${item.path}`);
  log(dataItems.join("\n"));
  await admin.userStore.addUser("domain\\someuser", "a-password-9", { fullname: "Some User" });
  await admin.roleStore.addRole("editors");
  await admin.roleStore.addUsersToRole("editors", ["domain\\someuser"]);
  const usersInRole = await admin.roleStore.usersWithinRole("editors");
  log(`editors: ${usersInRole.join(", ")}; privilege ${await admin.userStore.privilegeForUser("domain\\someuser")}`);
  await admin.roleStore.removeRole("editors");
  await admin.userStore.removeUser("domain\\someuser");

  step("Administration: the last ten minutes of logs, 25 at a time");
  let logs = 0;
  const newest = (await admin.queryLogs({ level: "DEBUG", pageSize: 1 }).next()).value;
  const since = (newest?.time ?? Date.now()) - 600_000;
  for await (const entry of admin.queryLogs({ level: "DEBUG", endTime: since, pageSize: 25 })) {
    if (logs++ < 3) log(`${new Date(entry.time).toISOString()} ${entry.type} ${entry.message}`);
  }
  log(`${logs} log messages in the last ten minutes of the log`);
  return { folderServices, stopped: stopped.filter((r) => r.ok).map((r) => r.service), privateStatus: anonymous.error?.code, description, extensionsAfterDisable, dataItems, usersInRole, logs };
}

// ---- geocoding (@arcrest/geocode) -------------------------------------------------------------

/** What the geocoding steps found. */
export interface GeocodeReport {
  /** Candidates of the single-line search, and of the address-field search. */
  singleLine: number;
  fields: number;
  /** Statuses of the batch run, in input order. */
  batch: string[];
  /** Shapefiles written. */
  files: string[];
}

/** The seed's geocoding steps: a single-line search, a search by address fields, exports to shapefiles. */
async function geocodeSteps(restUrl: string, outDir: string, session: Session, log: (line: string) => void, step: (title: string) => void): Promise<GeocodeReport> {
  step("Geocoding: connect to a locator; find candidates for a single-line address (the SingleLine field)");
  const geocoder = await Geocoder.connect(`${restUrl}/Locators/SampleLocator/GeocodeServer`, { session });
  log(`single line field: ${geocoder.singleLineAddressField}; address fields: ${geocoder.addressFields.join(", ")}`);
  const geoResult = await geocoder.findAddressCandidates("306 Pine Ave, Minneapolis, MN 55403", { outFields: "*" });
  log(`found ${geoResult.length} candidates; best: ${geoResult[0]?.address} (score ${geoResult[0]?.score})`);
  const targetField = join(outDir, "target_field.shp");
  await exportGeocodeResults(geoResult, targetField, { overwrite: true });
  log(`wrote ${targetField}`);

  step("Find candidates with the locator's address fields (no single line)");
  const candidates = await geocoder.findAddressCandidates({ Address: "380 Center St", City: "Redlands", Region: "CA", Postal: "92373" });
  log(`Number of address candidates: ${candidates.length}`);
  for (const candidate of candidates) log(`${candidate.address}  ${candidate.score}  ${JSON.stringify(candidate.location)}`);
  const headquarters = join(outDir, "Esri_headquarters.shp");
  await exportGeocodeResults(candidates, headquarters, { overwrite: true });
  log(`wrote ${headquarters}`);

  step("Batch geocoding: every record answered, in input order; unmatched ones kept (null shape)");
  const records = ["306 Pine Ave, Minneapolis, MN 55403", "380 Center St", "1 Nowhere Rd, Gotham", { Address: "500 Oak St", City: "Redlands" }];
  const results = await geocoder.geocodeAddresses(records);
  for (const r of results) log(`${r.index}: ${r.status}  ${r.candidate?.address ?? ""}`);
  const batchFile = join(outDir, "geocoded.shp");
  await exportGeocodeResults(results, batchFile, { records, overwrite: true });
  log(`wrote ${batchFile}`);
  return { singleLine: geoResult.length, fields: candidates.length, batch: results.map((r) => r.status), files: [targetField, headquarters, batchFile] };
}


// ---- image steps (@arcrest/image) -------------------------------------------------------------

/** What the image steps produced. */
export interface ImageStepsReport {
  demFile: string;
  elevation: number[] | null;
  bandArithmeticBytes: number;
}

/** The seed's ImageService steps: clip a DEM to a polygon, identify a point, raster function arithmetic. */
async function imageSteps(restUrl: string, outDir: string, session: Session, log: (line: string) => void): Promise<ImageStepsReport> {
  log("\n== Image service: clip a DEM to a polygon (tiled under the server's 500 × 500 limit)");
  const im = await ImageService.connect(`${restUrl}/Elevation/DEM/ImageServer`, { session });
  log(`${im.pixelType}, ${im.bandCount} band(s), ${im.pixelSizeX} m pixels, max export ${im.maxImageWidth} × ${im.maxImageHeight}`);
  const polygon = {
    rings: [[[-12_990_000, 4_510_000], [-12_990_000, 4_514_000], [-12_984_000, 4_514_000], [-12_986_000, 4_510_000], [-12_990_000, 4_510_000]]],
    spatialReference: { wkid: 102100 },
  };
  const demFile = join(outDir, "dem.tif");
  await clipToFile(im, polygon, demFile, { onProgress: progressLogger(log, "tiles") });
  log(`wrote ${demFile}`);

  log("\n== Image service: the elevation at a point");
  const elevation = await im.pointIdentify({ x: -12_987_000, y: 4_512_000 });
  log(`elevation: ${JSON.stringify(elevation)}`);

  log("\n== Image service: raster function arithmetic (band 1 − band 2)");
  const rgb = await ImageService.connect(`${restUrl}/Imagery/RGB/ImageServer`, { session });
  const bytes = await rgb.exportImage({
    bbox: [-12_990_000, 4_510_000, -12_989_000, 4_511_000],
    size: [100, 100],
    renderingRule: { rasterFunction: "BandArithmetic", rasterFunctionArguments: { Method: 0, BandIndexes: "(b1 - b2)" } },
  });
  log(`BandArithmetic export: ${bytes.byteLength} bytes of GeoTIFF`);
  return { demFile, elevation, bandArithmeticBytes: bytes.byteLength };
}

// ---- end of image steps -----------------------------------------------------------------------


// ---- Geoprocessing (@arcrest/gp) -------------------------------------------------------------

/** What the geoprocessing steps found. */
export interface GPStepsReport {
  /** `name dataType` of each parameter of the task. */
  parameters: string[];
  /** The first result's name and data type. */
  paramName: string;
  dataType: string;
  /** Progress messages reported while the task ran. */
  messages: string[];
  /** The exported shapefile. */
  file: string;
}

/** The seed's "Geoprocessing Services" steps: the drive-time GPTask, run, and its result exported. */
export async function gpSteps(options: WalkthroughOptions & { session: Session; log: (line: string) => void; step: (title: string) => void }): Promise<GPStepsReport> {
  const { log, step, session } = options;
  step("Geoprocessing: connect to the drive-time GP task and list its parameters");
  const gp = await GPTask.connect(`${options.restUrl}/Tools/GPServer/CreateDriveTimePolygons`, { session });
  log(`GP Task "${gp.name}" parameters:`);
  for (const p of gp.parameters) log(`\t${p.name} ${p.dataType}`);

  step("Run the task with Input_Location and Drive_Times (execute or submitJob, as the task says)");
  const point = {
    geometryType: "esriGeometryPoint",
    features: [{ geometry: { x: -10603050.16225853, y: 4715351.1473399615, spatialReference: { wkid: 102100, latestWkid: 3857 } } }],
    sr: { wkid: 102100, latestWkid: 3857 },
  };
  const messages: string[] = [];
  const gpResult = await gp.run({ Input_Location: point, Drive_Times: "1 2 3" }, { onProgress: (p) => messages.push(...p.messages.map((m) => m.description)) });
  const result = gpResult.results[0];
  log(`Output Result: "${result.paramName}", data type: ${result.dataType}`);

  step("Export the result (a feature set) to a shapefile");
  const driveTimes = join(options.outDir, "drive_times.shp");
  await exportFeatureSet(gpResult.featureSet("Output_Drive_Time_Polygons"), driveTimes, { overwrite: true });
  log(`wrote ${driveTimes}`);
  return { parameters: gp.parameters.map((p) => `${p.name} ${p.dataType}`), paramName: result.paramName, dataType: result.dataType, messages, file: driveTimes };
}
// ---- end of geoprocessing ---------------------------------------------------------------------

/** A small valid PNG (a 16×16 blue square), standing in for the seed's downloaded image. */
function tinyPng(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const size = 16;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) rows.set([30, 90, 200], y * (1 + size * 3) + 1 + x * 3);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

/** An onProgress callback that logs each time another quarter of the work is done. */
function progressLogger(log: (line: string) => void, what: string) {
  let logged = -1;
  return ({ done, total }: { done: number; total?: number }) => {
    const quarter = total ? Math.floor((done / total) * 4) : -1;
    if (quarter > logged) {
      logged = quarter;
      log(`  ${what}: ${done}/${total ?? "?"}`);
    }
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
