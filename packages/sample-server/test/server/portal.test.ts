import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PORTAL_ITEM_COUNT, startSampleServer, type SampleServer } from "../../src/index.js";
import { fixture } from "../helpers/fixtures.js";
import { structuralDiff } from "../helpers/structure.js";

let server: SampleServer;
let rest: string;
let token: string;

type Json = Record<string, unknown> & { error?: { code: number; messageCode?: string; details: string[] } };

async function post(path: string, params: Record<string, string> = {}): Promise<Json> {
  const response = await fetch(`${rest}/${path}`, { method: "POST", body: new URLSearchParams({ f: "json", ...params }) });
  return (await response.json()) as Json;
}

beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
  rest = `${server.portal.url}/sharing/rest`;
  token = String((await post("generateToken", { username: "arcrest", password: "arcrest-pass", client: "referer", referer: "http://x" })).token);
});
afterAll(async () => {
  await server.close();
});

describe("sample portal", () => {
  it("answers portals/self, search, groups and users with the keys of the recorded answers", async () => {
    const self = await post("portals/self", { token });
    const agolOnly = ["availableCredits", "creditAssignments", "defaultUserCreditAssignment", "urlKey", "thumbnail", "customBaseUrl"];
    expect(structuralDiff(fixture("portal/arcgis-rest-js__portals-self.json"), self, { ignore: agolOnly })).toEqual([]);
    expect(self.isPortal).toBe(true);
    expect((self.user as { username: string }).username).toBe("arcrest");

    const search = await post("search", { token, q: 'type:"Feature Service"', num: "1" });
    const big = fixture("portal/arcgis-rest-js__items-search-big.json");
    // name/description/properties are null on real items without them (the recorded koop fixture below).
    const unset = ["thumbnail", "documentation", "extent", "name", "description", "properties"].map((k) => `results[].${k}`);
    expect(structuralDiff(big, search, { ignore: unset })).toEqual([]);
    const item = (search.results as Json[])[0];
    expect(structuralDiff(fixture("portal/koop-provider-agol__itemJson.json"), item, { ignore: ["thumbnail", "extent"] })).toEqual([]);
    expect(item.url).toBe(`${server.url}/arcgis/rest/services/SanFrancisco/311Incidents/FeatureServer`);

    const groups = await post("community/groups", { token, q: "*", num: "1" });
    expect(structuralDiff(fixture("portal/arcgis-rest-js__groups-search.json"), groups)).toEqual([]);
    const group = await post(`community/groups/${(groups.results as Json[])[0].id}`, { token });
    expect(structuralDiff(fixture("portal/arcgis-rest-js__groups-get.json"), group, { ignore: ["collaborationInfo"] })).toEqual([]);

    const me = await post("community/users/arcrest", { token });
    expect(structuralDiff(fixture("portal/arcgis-rest-js__users-get-group-member.json"), me, { ignore: ["availableCredits", "assignedCredits", "idpUsername", "favGroupId", "thumbnail", "description", "preferredView", "groups[].thumbnail", "groups[].phone", "groups[].description"] })).toEqual([]);
  });

  it("pages search results with start/num/nextStart and refuses bad paging", async () => {
    const seen = new Set<string>();
    let start = 1;
    for (;;) {
      const page = await post("search", { token, q: "tags:sample", start: String(start), num: "100" });
      expect(page.total).toBe(PORTAL_ITEM_COUNT);
      for (const r of page.results as Json[]) seen.add(String(r.id));
      if (page.nextStart === -1) break;
      expect(page.nextStart).toBe(start + 100);
      start = Number(page.nextStart);
    }
    expect(seen.size).toBe(PORTAL_ITEM_COUNT);
    expect((await post("search", { token, num: "101" })).error?.code).toBe(400);
    expect((await post("search", { token, start: "0" })).error?.code).toBe(400);
  });

  it("exchanges a portal token for a server token the federated server accepts; a portal token there is refused and recorded", async () => {
    const anonymous = await (await fetch(`${server.restUrl}/Secure/Parcels/MapServer/0?f=json`)).json() as Json;
    expect(anonymous.error?.code).toBe(499);
    const exchanged = await post("generateToken", { token, serverUrl: `${server.url}/arcgis` });
    expect(typeof exchanged.token).toBe("string");
    const ok = await (await fetch(`${server.restUrl}/Secure/Parcels/MapServer/0?f=json`, { method: "POST", body: new URLSearchParams({ token: String(exchanged.token) }) })).json() as Json;
    expect(ok.error).toBeUndefined();
    expect(server.portal.leaks).toEqual([]);
    const refused = await (await fetch(`${server.restUrl}/Secure/Parcels/MapServer/0?f=json`, { headers: { "X-Esri-Authorization": `Bearer ${token}` } })).json() as Json;
    expect(refused.error?.code).toBe(498);
    expect(server.portal.leaks).toEqual([{ method: "GET", path: "/arcgis/rest/services/Secure/Parcels/MapServer/0", username: "arcrest" }]);
    // The exchanged token is not a portal token, and the exchange needs a federated server.
    expect((await post("portals/self", { token: String(exchanged.token) })).error?.code).toBe(498);
    expect((await post("generateToken", { token, serverUrl: "https://elsewhere.example.com/arcgis" })).error?.code).toBe(400);
  });

  it("answers an unknown item with CONT_0001 and writes only via POST by the owner", async () => {
    const missing = await post("content/items/0123456789abcdef0123456789abcdef", { token });
    expect(missing.error).toMatchObject({ code: 400, messageCode: "CONT_0001" });
    const viaGet = await (await fetch(`${rest}/content/users/arcrest/addItem?f=json&title=x&type=CSV`)).json() as Json;
    expect(viaGet.error?.code).toBe(405);
    const otherUsers = await post("content/users/user001/addItem", { title: "x", type: "CSV" });
    expect(otherUsers.error?.code).toBe(403);
  });
});
