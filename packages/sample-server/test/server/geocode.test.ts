import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSampleServer, type SampleServer } from "../../src/index.js";
import { ADDRESSES } from "../../src/geocode/table.js";
import { fixture } from "../helpers/fixtures.js";
import { getJson, postForm } from "../helpers/http.js";
import { structuralDiff } from "../helpers/structure.js";

let server: SampleServer;
let locator: string;
beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
  locator = `${server.restUrl}/Locators/SampleLocator/GeocodeServer`;
});
afterAll(() => server.close());

/** Fixture fields the sample locator does not produce (World-geocoder-only attributes). */
const WORLD_ONLY = ["candidates[].attributes", "locations[].attributes", "address"];

describe("sample GeocodeServer", () => {
  it("has a deterministic table of at least 5,000 distinct addresses", () => {
    expect(ADDRESSES.length).toBeGreaterThanOrEqual(5_000);
    expect(new Set(ADDRESSES.map((a) => a.label)).size).toBe(ADDRESSES.length);
  });

  it("is listed in the services directory under Locators", async () => {
    expect((await getJson(`${server.restUrl}?f=json`)).body.folders).toContain("Locators");
    expect((await getJson(`${server.restUrl}/Locators?f=json`)).body.services).toEqual([
      { name: "Locators/SampleLocator", type: "GeocodeServer" },
      { name: "Locators/SingleLocator", type: "GeocodeServer" },
    ]);
  });

  it("describes itself with address fields, singleLineAddressField and batch sizes", async () => {
    const { body } = await getJson<Record<string, any>>(`${locator}?f=json`);
    expect(body.singleLineAddressField.name).toBe("SingleLine");
    expect(body.addressFields.map((f: { name: string }) => f.name)).toEqual(["Address", "City", "Region", "Postal"]);
    expect(body.locatorProperties).toMatchObject({ MaxBatchSize: 250, SuggestedBatchSize: 150 });
    expect(body.capabilities).toBe("Geocode,ReverseGeocode,Suggest");
    const single = (await getJson<Record<string, any>>(`${server.restUrl}/Locators/SingleLocator/GeocodeServer?f=json`)).body;
    expect(single.locatorProperties.MaxBatchSize).toBeUndefined();
  });

  it("answers findAddressCandidates like the recorded ones, partial matches under 100, with ties", async () => {
    const { body } = await getJson<Record<string, any>>(`${locator}/findAddressCandidates?f=json&SingleLine=${encodeURIComponent("500 Oak St")}&outFields=*`);
    for (const name of ["esri-leaflet-geocoder__findAddressCandidates-redlands.json", "arcgis-rest-js__findAddressCandidates.json"]) {
      expect(structuralDiff(fixture(`geocode/${name}`), body, { ignore: WORLD_ONLY })).toEqual([]);
    }
    expect(body.candidates.length).toBe(12);
    expect(body.candidates[0].score).toBeLessThan(100);
    expect(body.candidates[1].score).toBe(body.candidates[0].score);
    const full = (await getJson<Record<string, any>>(`${locator}/findAddressCandidates?f=json&Address=500+Oak+St&City=Redlands&Region=CA&Postal=92373`)).body;
    expect(full.candidates[0]).toMatchObject({ address: "500 Oak St, Redlands, CA, 92373", score: 100, attributes: {} });
  });

  it("answers suggest with magicKeys that findAddressCandidates takes", async () => {
    const { body } = await getJson<Record<string, any>>(`${locator}/suggest?f=json&text=500+Oak+S&maxSuggestions=4`);
    expect(structuralDiff(fixture("geocode/esri-leaflet-geocoder__suggest-treasure-island.json"), body)).toEqual([]);
    expect(body.suggestions).toHaveLength(4);
    const { magicKey, text } = body.suggestions[2];
    const found = (await postForm<Record<string, any>>(`${locator}/findAddressCandidates`, { f: "json", SingleLine: text, magicKey })).body;
    expect(found.candidates).toHaveLength(1);
    expect(found.candidates[0]).toMatchObject({ address: text, score: 100 });
  });

  it("answers reverseGeocode like the recorded ones, and an error far from any address", async () => {
    const a = ADDRESSES[1234];
    const { body } = await getJson<Record<string, any>>(`${locator}/reverseGeocode?f=json&location=${a.x},${a.y}`);
    expect(structuralDiff(fixture("geocode/arcgis-rest-js__reverseGeocode.json"), body, { ignore: ["address"] })).toEqual([]);
    expect(body.address.Match_addr).toBe(a.label);
    expect((await getJson(`${locator}/reverseGeocode?f=json&location=0,0`)).body).toEqual({
      error: { code: 400, message: "Unable to complete operation.", details: ["Unable to find address for the specified location."] },
    });
  });

  it("answers geocodeAddresses like the recorded ones, in an order that is not the input's", async () => {
    const records = ADDRESSES.slice(0, 60).map((a, i) => ({ attributes: { OBJECTID: i + 1, SingleLine: a.label } }));
    records.push({ attributes: { OBJECTID: 61, SingleLine: "1 Nowhere Rd" } });
    const { body } = await postForm<Record<string, any>>(`${locator}/geocodeAddresses`, { f: "json", addresses: JSON.stringify({ records }) });
    expect(structuralDiff(fixture("geocode/arcgis-rest-js__geocodeAddresses.json"), body, { ignore: WORLD_ONLY })).toEqual([]);
    const ids: number[] = body.locations.map((l: { attributes: { ResultID: number } }) => l.attributes.ResultID);
    expect([...ids].sort((x, y) => x - y)).toEqual(records.map((r) => r.attributes.OBJECTID));
    expect(ids).not.toEqual([...ids].sort((x, y) => x - y));
    const missing = body.locations.find((l: { attributes: { ResultID: number } }) => l.attributes.ResultID === 61);
    expect(missing).toMatchObject({ score: 0, location: { x: "NaN", y: "NaN" }, attributes: { Status: "U" } });
  });

  it("refuses batches over MaxBatchSize, and geocodeAddresses on a locator without batch support", async () => {
    const records = Array.from({ length: 251 }, (_, i) => ({ attributes: { OBJECTID: i + 1, SingleLine: "500 Oak St" } }));
    const over = (await postForm<Record<string, any>>(`${locator}/geocodeAddresses`, { f: "json", addresses: JSON.stringify({ records }) })).body;
    expect(over.error.code).toBe(400);
    const single = (await postForm<Record<string, any>>(`${server.restUrl}/Locators/SingleLocator/GeocodeServer/geocodeAddresses`, { f: "json", addresses: "{}" })).body;
    expect(single.error.details[0]).toMatch(/not supported/);
  });

  it("is subject to the fault injector", async () => {
    server.faults.add({ match: /GeocodeServer\/suggest/, fault: { kind: "status", status: 503 } });
    expect((await fetch(`${locator}/suggest?f=json&text=500`)).status).toBe(503);
    expect((await fetch(`${locator}/suggest?f=json&text=500`)).status).toBe(200);
  });
});
