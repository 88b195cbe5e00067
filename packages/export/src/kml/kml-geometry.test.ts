import { describe, expect, it } from "vitest";
import { kmlGeometry } from "./kml-geometry.js";

describe("kmlGeometry coordinates", () => {
  it("writes x,y and x,y,z tuples separated by spaces, numbers as String(n) writes them", () => {
    const ring = [[-0, 0.1 + 0.2], [1e21, -1.5e-7], [123456789.123, 5], [-0, 0.1 + 0.2]];
    expect(kmlGeometry({ type: "LineString", coordinates: ring })).toBe(
      `<LineString><coordinates>0,${0.1 + 0.2} 1e+21,-1.5e-7 123456789.123,5 0,${0.1 + 0.2}</coordinates></LineString>`,
    );
    expect(kmlGeometry({ type: "LineString", coordinates: [[1, 2, 3], [4, 5, 6]] })).toBe(
      "<LineString><altitudeMode>absolute</altitudeMode><coordinates>1,2,3 4,5,6</coordinates></LineString>",
    );
  });

  it("drops M (a fourth value) and keeps non-finite values as text, like the per-position path", () => {
    expect(kmlGeometry({ type: "LineString", coordinates: [[1, 2, 3, 9], [4, 5, 6, 9]] })).toContain("<coordinates>1,2,3 4,5,6</coordinates>");
    expect(kmlGeometry({ type: "LineString", coordinates: [[1, Number.NaN], [4, 5]] })).toContain("<coordinates>1,NaN 4,5</coordinates>");
  });

  it("writes holes as inner boundaries", () => {
    const polygon = kmlGeometry({ type: "Polygon", coordinates: [[[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 1]]] });
    expect(polygon).toBe(
      "<Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 4,0 4,4 0,0</coordinates></LinearRing></outerBoundaryIs>" +
        "<innerBoundaryIs><LinearRing><coordinates>1,1 2,1 2,2 1,1</coordinates></LinearRing></innerBoundaryIs></Polygon>",
    );
  });
});
