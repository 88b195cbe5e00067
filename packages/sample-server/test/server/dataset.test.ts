import { describe, expect, it } from "vitest";
import { createDefaultDataset, GAUGE_COUNT, ODD_COUNTS, SACRAMENTO_BOX, type SampleLayer } from "../../src/index.js";
import { US_STATES } from "../../src/data/us-states.js";

const dataset = createDefaultDataset();
const layer = (service: string, id: number): SampleLayer => {
  const found = dataset.services.find((s) => s.name === service)?.layers.find((l) => l.id === id);
  if (!found) throw new Error(`no layer ${service}/${id}`);
  return found;
};

/** Twice the signed area of a ring; negative for clockwise rings (x right, y up). */
function signedArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

describe("default dataset", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const again = createDefaultDataset();
    expect(JSON.stringify(again)).toBe(JSON.stringify(dataset));
    const other = createDefaultDataset({ seed: 2 });
    expect(JSON.stringify(other.services[0].layers[0].features.slice(0, 5))).not.toBe(JSON.stringify(dataset.services[0].layers[0].features.slice(0, 5)));
  });

  it("returns independent copies (edits to one do not leak into another)", () => {
    const a = createDefaultDataset();
    a.services[0].layers[0].features.pop();
    expect(createDefaultDataset().services[0].layers[0].features).toHaveLength(GAUGE_COUNT);
  });

  it("has the folders and services of the contract", () => {
    expect(dataset.folders).toEqual(["Boundaries", "Elevation", "Imagery", "Odd", "SanFrancisco", "Secure"]);
    expect(dataset.securedFolders).toEqual(["Secure"]);
    expect(dataset.services.map((s) => `${s.name}:${s.type}`)).toEqual([
      "ahps_gauges:MapServer",
      "SanFrancisco/311Incidents:MapServer",
      "Boundaries/Districts:MapServer",
      "Odd/NoPagination:MapServer",
      "Odd/ShortPages:MapServer",
      "Odd/Empty:MapServer",
      "Secure/Parcels:MapServer",
      "Elevation/DEM:ImageServer",
      "Imagery/RGB:ImageServer",
      "Elevation/DEMHref:ImageServer",
      "Imagery/CatalogOnly:ImageServer",
      "Tools:GPServer",
    ]);
  });

  it("spreads gauges over every state with plausible coordinates and unique ids", () => {
    const gauges = layer("ahps_gauges", 0).features;
    expect(gauges).toHaveLength(GAUGE_COUNT);
    expect(gauges.map((f) => f.attributes.objectid)).toEqual(Array.from({ length: GAUGE_COUNT }, (_, i) => i + 1));
    expect(new Set(gauges.map((f) => f.attributes.gaugelid)).size).toBe(GAUGE_COUNT);
    const byState = new Map<string, number>();
    for (const g of gauges) {
      const state = String(g.attributes.state);
      byState.set(state, (byState.get(state) ?? 0) + 1);
      const area = US_STATES.find((s) => s.abbr === state);
      expect(area, state).toBeDefined();
      const { x, y } = g.geometry as { x: number; y: number };
      const inside = area!.boxes.some(([w, s, e, n]) => x >= w && x <= e && y >= s && y <= n);
      expect(inside, `${String(g.attributes.gaugelid)} in ${state}`).toBe(true);
      expect(String(g.attributes.gaugelid)).toMatch(/^[A-Z]{3}[A-Z]\d$/);
    }
    expect(byState.size).toBe(50);
    expect(byState.get("CA")).toBeGreaterThan(300);
    expect(byState.get("TX")).toBeGreaterThan(byState.get("RI")!);
  });

  it("has enough California gauges around Sacramento for the clip example", () => {
    const [w, s, e, n] = SACRAMENTO_BOX;
    const inBox = layer("ahps_gauges", 0).features.filter((f) => {
      const { x, y } = f.geometry as { x: number; y: number };
      return x >= w && x <= e && y >= s && y <= n;
    });
    expect(inBox.length).toBeGreaterThanOrEqual(40);
    expect(inBox.every((f) => f.attributes.state === "CA")).toBe(true);
  });

  it("fills gauge attributes with coded statuses, dates and some null flows", () => {
    const observed = layer("ahps_gauges", 0);
    const codes = (observed.fields.find((f) => f.name === "status")!.domain as { codedValues: { code: string }[] }).codedValues.map((c) => c.code);
    const features = observed.features;
    expect(features.every((f) => codes.includes(String(f.attributes.status)))).toBe(true);
    expect(features.every((f) => typeof f.attributes.obstime === "number")).toBe(true);
    const nullFlows = features.filter((f) => f.attributes.flow === null).length;
    expect(nullFlows).toBeGreaterThan(GAUGE_COUNT * 0.05);
    expect(nullFlows).toBeLessThan(GAUGE_COUNT * 0.3);
    expect(layer("ahps_gauges", 1).features.length).toBeGreaterThan(1000);
  });

  it("relates gauges to owners by gaugelid both ways", () => {
    const owners = layer("ahps_gauges", 2);
    expect(owners.type).toBe("Table");
    const lids = new Set(layer("ahps_gauges", 0).features.map((f) => f.attributes.gaugelid));
    expect(owners.features.length).toBeGreaterThan(GAUGE_COUNT * 0.8);
    expect(owners.features.every((f) => lids.has(f.attributes.gaugelid) && f.geometry === null)).toBe(true);
    expect(layer("ahps_gauges", 0).relationships?.[0]).toMatchObject({ id: 0, relatedTableId: 2, keyField: "gaugelid" });
    expect(owners.relationships?.[0]).toMatchObject({ id: 0, relatedTableId: 0, keyField: "gaugelid" });
  });

  it("attaches real PNG and text files to a few gauges and incidents", () => {
    for (const l of [layer("ahps_gauges", 0), layer("SanFrancisco/311Incidents", 0)]) {
      expect(l.hasAttachments).toBe(true);
      const attachments = l.attachments ?? [];
      expect(attachments.length).toBeGreaterThanOrEqual(3);
      for (const a of attachments) {
        if (a.contentType === "image/png") expect([...a.data.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
        expect(a.data.byteLength).toBeGreaterThan(10);
        expect(l.features.some((f) => f.attributes[l.objectIdField] === a.parentObjectId)).toBe(true);
      }
      expect(new Set(attachments.map((a) => a.id)).size).toBe(attachments.length);
      expect(l.nextAttachmentId).toBe(Math.max(...attachments.map((a) => a.id)) + 1);
    }
  });

  it("has polygons with holes and multipart polygons, oriented as Esri JSON wants", () => {
    const districts = layer("Boundaries/Districts", 0).features;
    const kinds = new Set(districts.map((f) => f.attributes.shape_kind));
    for (const kind of ["simple", "hole", "holes", "multipart", "multipart_hole"]) expect(kinds).toContain(kind);
    for (const f of districts) {
      const rings = (f.geometry as { rings: number[][][] }).rings;
      const outer = rings.filter((r) => signedArea(r) < 0).length;
      const holes = rings.filter((r) => signedArea(r) > 0).length;
      const kind = String(f.attributes.shape_kind);
      expect(outer, kind).toBe(kind.startsWith("multipart") ? 2 : 1);
      expect(holes, kind).toBe(kind === "holes" ? 2 : kind.includes("hole") ? 1 : 0);
      for (const ring of rings) expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
    const rivers = layer("Boundaries/Districts", 1).features;
    expect(rivers.filter((f) => (f.geometry as { paths: unknown[] }).paths.length > 1)).toHaveLength(1);
  });

  it("has the odd layers", () => {
    expect(layer("Odd/NoPagination", 0)).toMatchObject({ currentVersion: 10.2, supportsPagination: false, maxRecordCount: 1000 });
    expect(layer("Odd/NoPagination", 0).features).toHaveLength(ODD_COUNTS.noPagination);
    expect(layer("Odd/ShortPages", 0)).toMatchObject({ maxRecordCount: 2000, servedPageSize: 1000 });
    expect(layer("Odd/ShortPages", 0).features).toHaveLength(ODD_COUNTS.shortPages);
    expect(layer("Odd/Empty", 0).features).toHaveLength(0);
    expect(layer("Secure/Parcels", 0).geometryType).toBe("esriGeometryPolygon");
  });

  it("builds the same dataset from the same seed", () => {
    const sample = (seed: number) => JSON.stringify(createDefaultDataset({ seed }).services.map((s) => s.layers.map((l) => l.features.slice(0, 20))));
    expect(sample(9)).toEqual(sample(9));
  });
});
