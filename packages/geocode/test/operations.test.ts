import { ValidationError } from "@arcrest/core";
import { describe, expect, it } from "vitest";
import { BatchGeocodingUnsupportedError, findAddressCandidates, Geocoder, reverseGeocode, suggest } from "../src/index.js";
import { requestsTo, useSampleServer } from "./support.js";

const ctx = useSampleServer();

describe("Geocoder.connect", () => {
  it("loads the locator's fields, batch sizes and spatial reference once", async () => {
    const from = ctx.server.requests.length;
    const geocoder = await Geocoder.connect(ctx.locator, { session: ctx.session });
    expect(geocoder.singleLineAddressField).toBe("SingleLine");
    expect(geocoder.addressFields).toEqual(["Address", "City", "Region", "Postal"]);
    expect(geocoder.maxBatchSize).toBe(250);
    expect(geocoder.suggestedBatchSize).toBe(150);
    expect(geocoder.spatialReference?.wkid).toBe(4326);
    expect(ctx.server.requests.length - from).toBe(1);
  });
});

describe("findAddressCandidates", () => {
  it("finds a full single-line address with score 100 first", async () => {
    const geocoder = await Geocoder.connect(ctx.locator, { session: ctx.session });
    const [best, ...rest] = await geocoder.findAddressCandidates("306 Pine Ave, Portland, OR, 97205", { outFields: "*" });
    expect(best.address).toBe("306 Pine Ave, Portland, OR, 97205");
    expect(best.score).toBe(100);
    expect(best.location.spatialReference?.wkid).toBe(4326);
    expect(best.attributes.Match_addr).toBe(best.address);
    expect(best.extent?.xmin).toBeLessThan(best.location.x);
    expect(rest.every((c) => c.score < 100)).toBe(true);
  });

  it("takes address fields, and gives partial matches scores under 100 with ties", async () => {
    const geocoder = await Geocoder.connect(ctx.locator, { session: ctx.session });
    const from = ctx.server.requests.length;
    const [exact] = await geocoder.findAddressCandidates({ Address: "500 Oak St", City: "Redlands", Region: "CA", Postal: "92373" });
    expect(exact.score).toBe(100);
    expect(requestsTo(ctx.server, "findAddressCandidates", from)[0]).toMatchObject({ Address: "500 Oak St", City: "Redlands" });
    const partial = await findAddressCandidates(ctx.locator, "500 Oak St", { session: ctx.session, maxLocations: 5 });
    expect(partial).toHaveLength(5);
    expect(partial[0].score).toBeLessThan(100);
    expect(partial[1].score).toBe(partial[0].score);
  });

  it("passes outSR, forStorage and the search options through", async () => {
    const from = ctx.server.requests.length;
    const [c] = await findAddressCandidates(ctx.locator, "500 Oak St, Redlands, CA, 92373", {
      session: ctx.session, outSR: 102100, forStorage: true, location: [-117.18, 34.05], distance: 1000, category: ["Address", "Postal"],
    });
    expect(c.location.spatialReference?.wkid).toBe(102100);
    expect(Math.abs(c.location.x)).toBeGreaterThan(1e6);
    expect(requestsTo(ctx.server, "findAddressCandidates", from)[0]).toMatchObject({ forStorage: "true", distance: "1000", category: "Address,Postal" });
  });
});

describe("suggest", () => {
  it("completes typed text with magicKeys that findAddressCandidates resolves", async () => {
    const geocoder = await Geocoder.connect(ctx.locator, { session: ctx.session });
    const suggestions = await geocoder.suggest("306 Pine A", { maxSuggestions: 3 });
    expect(suggestions).toHaveLength(3);
    expect(suggestions.every((s) => s.text.startsWith("306 Pine Ave") && s.magicKey !== "" && s.isCollection === false)).toBe(true);
    const [place] = await geocoder.findAddressCandidates(suggestions[1].text, { magicKey: suggestions[1].magicKey });
    expect(place.address).toBe(suggestions[1].text);
    expect(place.score).toBe(100);
  });
});

describe("reverseGeocode", () => {
  it("finds the address at a point, from an object or a pair", async () => {
    const [c] = await findAddressCandidates(ctx.locator, "718 Elm Ave, Madison, WI, 53703", { session: ctx.session });
    const place = await reverseGeocode(ctx.locator, [c.location.x, c.location.y], { session: ctx.session });
    expect(place.address.Match_addr).toBe("718 Elm Ave, Madison, WI, 53703");
    expect(place.location.x).toBeCloseTo(c.location.x, 6);
    const geocoder = await Geocoder.connect(ctx.locator, { session: ctx.session });
    const again = await geocoder.reverseGeocode({ x: c.location.x, y: c.location.y, spatialReference: { wkid: 4326 } }, { outSR: 102100 });
    expect(again.address.Match_addr).toBe(place.address.Match_addr);
    expect(again.location.spatialReference?.wkid).toBe(102100);
  });

  it("rejects with the server's error far from any address", async () => {
    await expect(reverseGeocode(ctx.locator, [0, 0], { session: ctx.session })).rejects.toMatchObject({ name: "ArcGISRequestError", code: 400 });
  });
});

describe("bad input is a ValidationError before any request", () => {
  const cases: Array<[string, string, (g: Geocoder) => Promise<unknown>]> = [
    ["empty single line", "address", (g) => g.findAddressCandidates("  ")],
    ["no known address field", "address", (g) => g.findAddressCandidates({ Street: "1 Main St" })],
    ["an empty suggest text", "text", (g) => g.suggest("")],
    ["a NaN point", "point", (g) => g.reverseGeocode([Number.NaN, 3])],
    ["a NaN point object", "point", (g) => g.reverseGeocode({ x: 1, y: Number.NaN })],
    ["an empty record", "records[1]", (g) => g.geocodeAddresses(["1 Main St", ""])],
    ["a record with no known field", "records[0]", (g) => g.geocodeAddresses([{ Street: "1 Main St" }])],
    ["batchSize 0", "batchSize", (g) => g.geocodeAddresses(["1 Main St"], { batchSize: 0 })],
    ["batchSize over the maximum", "batchSize", (g) => g.geocodeAddresses(["1 Main St"], { batchSize: 251 })],
    ["concurrency 0", "concurrency", (g) => g.geocodeAddresses(["1 Main St"], { concurrency: 0 })],
  ];
  it.each(cases)("%s", async (_label, parameter, call) => {
    const geocoder = await Geocoder.connect(ctx.locator, { session: ctx.session });
    const from = ctx.server.requests.length;
    const error = await call(geocoder).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).parameter).toBe(parameter);
    expect(ctx.server.requests.length).toBe(from);
  });
});

describe("the functional geocodeAddresses", () => {
  it("rejects an empty record, a record without fields and a bad batchSize before any request, even without the locator's description", async () => {
    const { geocodeAddresses } = await import("../src/index.js");
    const from = ctx.server.requests.length;
    await expect(geocodeAddresses(ctx.locator, ["500 Oak St", " "], { session: ctx.session })).rejects.toMatchObject({ name: "ValidationError", parameter: "records[1]" });
    await expect(geocodeAddresses(ctx.locator, [{}], { session: ctx.session })).rejects.toMatchObject({ name: "ValidationError", parameter: "records[0]" });
    await expect(geocodeAddresses(ctx.locator, ["500 Oak St"], { session: ctx.session, batchSize: -1 })).rejects.toMatchObject({ name: "ValidationError", parameter: "batchSize" });
    expect(ctx.server.requests.length).toBe(from);
  });
});

describe("a locator that cannot batch-geocode", () => {
  it("has no maxBatchSize, and geocodeAddresses rejects with BatchGeocodingUnsupportedError", async () => {
    const geocoder = await Geocoder.connect(ctx.single, { session: ctx.session });
    expect(geocoder.maxBatchSize).toBeUndefined();
    await expect(geocoder.geocodeAddresses(["500 Oak St"])).rejects.toBeInstanceOf(BatchGeocodingUnsupportedError);
    const [c] = await geocoder.findAddressCandidates("500 Oak St, Redlands, CA, 92373");
    expect(c.score).toBe(100);
  });

  it("rejects with BatchGeocodingUnsupportedError when the operation is answered as unsupported", async () => {
    const { geocodeAddresses } = await import("../src/index.js");
    const locator = { singleLineAddressField: "SingleLine", addressFields: [], maxBatchSize: 100, suggestedBatchSize: 50, spatialReference: undefined };
    const error = await geocodeAddresses(ctx.single, ["500 Oak St"], { session: ctx.session, locator }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchGeocodingUnsupportedError);
    expect((error as Error).cause).toMatchObject({ code: 400 });
  });
});
