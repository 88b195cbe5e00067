import { describe, expect, it } from "vitest";
import { FieldIndex } from "../../src/query/fields.js";
import { QueryError } from "../../src/query/errors.js";
import { compileWhere, oidBoundsOf, parseWhere } from "../../src/query/where/index.js";
import { executeQuery } from "../../src/query/index.js";
import { bodyOf, DAY, pointLayer } from "./layers.js";

const layer = pointLayer({ count: 30 });
const fields = new FieldIndex(layer.fields);

/** Object ids the clause selects on the 30-point layer. */
function ids(where: string): number[] {
  const body = bodyOf(executeQuery(layer, { where, returnIdsOnly: "true", f: "json" }));
  if (body.error) throw new Error(JSON.stringify(body.error));
  return body.objectIds as number[];
}

function errorOf(where: string): QueryError {
  try {
    compileWhere(where, fields, "objectid");
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw error;
  }
  throw new Error(`no error for ${where}`);
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe("where clause grammar", () => {
  it("1=1 selects everything, 1=0 nothing, empty clause everything", () => {
    expect(ids("1=1")).toEqual(range(1, 30));
    expect(ids("1=0")).toEqual([]);
    expect(ids("   ")).toEqual(range(1, 30));
  });

  it("comparisons on numbers", () => {
    expect(ids("objectid = 5")).toEqual([5]);
    expect(ids("objectid <> 5").length).toBe(29);
    expect(ids("objectid != 5").length).toBe(29);
    expect(ids("objectid < 3")).toEqual([1, 2]);
    expect(ids("objectid <= 3")).toEqual([1, 2, 3]);
    expect(ids("objectid > 28")).toEqual([29, 30]);
    expect(ids("objectid >= 28")).toEqual([28, 29, 30]);
    expect(ids("3 > objectid")).toEqual([1, 2]);
  });

  it("field names are case-insensitive and may be quoted", () => {
    expect(ids("OBJECTID = 5")).toEqual([5]);
    expect(ids('"ObjectId" = 5')).toEqual([5]);
  });

  it("AND, OR, NOT and parentheses with SQL precedence", () => {
    expect(ids("objectid < 3 OR objectid > 28 AND status = 0")).toEqual([1, 2, 30]);
    expect(ids("(objectid < 3 OR objectid > 28) AND status = 0")).toEqual([30]);
    expect(ids("NOT objectid > 2")).toEqual([1, 2]);
    expect(ids("NOT (objectid > 2 AND objectid < 30)")).toEqual([1, 2, 30]);
  });

  it("IN and NOT IN", () => {
    expect(ids("objectid IN (1, 3, 99)")).toEqual([1, 3]);
    expect(ids("state in ('CA','OR') AND objectid < 7")).toEqual([1, 5, 6]);
    expect(ids("objectid NOT IN (1,2,3)").length).toBe(27);
  });

  it("BETWEEN and NOT BETWEEN", () => {
    expect(ids("objectid BETWEEN 3 AND 5")).toEqual([3, 4, 5]);
    expect(ids("objectid NOT BETWEEN 2 AND 29")).toEqual([1, 30]);
    expect(ids("objectid BETWEEN 3 AND 5 AND status = 1")).toEqual([4]);
  });

  it("LIKE with % and _, NOT LIKE and ESCAPE", () => {
    expect(ids("name LIKE 'Gauge 2_'")).toEqual(range(20, 29));
    expect(ids("name LIKE '%7'")).toEqual([7, 17, 27]);
    expect(ids("name NOT LIKE 'Gauge 1%'").length).toBe(30 - 11);
    expect(ids("name LIKE 'Gauge 1!_' ESCAPE '!'")).toEqual([]);
    expect(ids("name like 'gauge%'")).toEqual([]); // case-sensitive, like the databases behind ArcGIS by default
  });

  it("IS NULL and IS NOT NULL (and NULL never equals)", () => {
    expect(ids("stage IS NULL")).toEqual([7, 14, 21, 28]);
    expect(ids("stage IS NOT NULL").length).toBe(26);
    expect(ids("stage = NULL")).toEqual([]);
    expect(ids("NOT stage > 10")).toEqual(range(1, 6)); // unknown stays unknown under NOT
  });

  it("UPPER and LOWER", () => {
    expect(ids("UPPER(name) = 'GAUGE 3'")).toEqual([3]);
    expect(ids("lower(name) LIKE 'gauge 1_'")).toEqual(range(10, 19));
  });

  it("arithmetic with precedence and unary minus", () => {
    expect(ids("objectid * 2 + 1 = 7")).toEqual([3]);
    expect(ids("(objectid + 1) * 2 = 8")).toEqual([3]);
    expect(ids("objectid / 2 = 2.5")).toEqual([5]);
    expect(ids("-objectid = -4")).toEqual([4]);
    expect(ids("objectid - 1 > 28")).toEqual([30]);
  });

  it("string literals with doubled quotes", () => {
    const l = pointLayer({ count: 3 });
    l.features[1].attributes.name = "O'Brien";
    const f = new FieldIndex(l.fields);
    const compiled = compileWhere("name = 'O''Brien'", f, "objectid");
    expect(l.features.filter((x) => compiled.predicate!(x.attributes) === true).map((x) => x.attributes.objectid)).toEqual([2]);
  });

  it("DATE and TIMESTAMP literals compare with dates stored as epoch ms", () => {
    expect(ids("obstime < DATE '2020-01-04'")).toEqual([1, 2]);
    expect(ids("obstime = TIMESTAMP '2020-01-04 00:00:00'")).toEqual([3]);
    expect(ids("obstime BETWEEN date '2020-01-10' AND date '2020-01-12 00:00:00'")).toEqual([9, 10, 11]);
    expect(ids("obstime > '2020-01-30'")).toEqual([30]); // string coerced to a date for a date field
    expect(Date.UTC(2020, 0, 1) + 3 * DAY).toBe(Date.UTC(2020, 0, 4));
  });

  it("EXTRACT and INTERVAL for date arithmetic", () => {
    expect(ids("EXTRACT(DAY FROM obstime) = 5")).toEqual([4]);
    expect(ids("EXTRACT(MONTH FROM obstime) = 1 AND EXTRACT(YEAR FROM obstime) = 2020").length).toBe(30);
    expect(ids("obstime - INTERVAL '2' DAY < DATE '2020-01-02'")).toEqual([1, 2]);
    expect(ids("obstime + INTERVAL '36' HOUR <= TIMESTAMP '2020-01-03 12:00:00'")).toEqual([1]);
    expect(errorOf("EXTRACT(WEEK FROM obstime) = 1").details.join(" ")).toContain("date part");
    expect(errorOf("EXTRACT(YEAR FROM name) = 1").details.join(" ")).toContain("needs a date");
  });

  it("numeric literals: decimals, exponents, numeric strings against numbers", () => {
    expect(ids("stage = 4.5")).toEqual([3]);
    expect(ids("stage >= 4.2e1")).toEqual(range(28, 30).filter((i) => i % 7 !== 0));
    expect(ids("objectid = '4'")).toEqual([4]);
  });

  it("finds object-id bounds for fast range paging", () => {
    const isOid = (n: string) => n.toLowerCase() === "objectid";
    expect(oidBoundsOf(parseWhere("objectid >= 10 AND objectid <= 20"), isOid)).toEqual({ lo: 10, hi: 20 });
    expect(oidBoundsOf(parseWhere("OBJECTID > 10 AND state = 'CA' AND 30 >= objectid"), isOid)).toEqual({ lo: 11, hi: 30 });
    expect(oidBoundsOf(parseWhere("objectid > 10.5 AND objectid < 20"), isOid)).toEqual({ lo: 11, hi: 19 });
    expect(oidBoundsOf(parseWhere("objectid BETWEEN 1 AND 5"), isOid)).toEqual({ lo: 1, hi: 5 });
    expect(oidBoundsOf(parseWhere("objectid > 10 OR objectid < 5"), isOid)).toBeNull();
    expect(ids("objectid > 10 AND objectid < 13")).toEqual([11, 12]);
    expect(ids("objectid = 2.5")).toEqual([]);
    expect(ids("objectid >= 2.5 AND objectid <= 4")).toEqual([3, 4]);
    // A pure id range needs no row test; anything more keeps the predicate.
    expect(compileWhere("objectid >= 10 AND objectid <= 20", fields, "objectid").predicate).toBeNull();
    expect(compileWhere("objectid >= 10 AND status = 1", fields, "objectid").predicate).not.toBeNull();
    expect(compileWhere("objectid IN (1, 5)", fields, "objectid").predicate).not.toBeNull();
  });
});

describe("where clause errors", () => {
  it.each([
    ["objectid =", "unexpected end"],
    ["objectid = 'abc", "unterminated string"],
    ["objectid == 1", "unexpected '='"],
    ["(objectid = 1", "expected ')'"],
    ["objectid = 1 AND", "unexpected end"],
    ["objectid IN 1,2", "expected '('"],
    ["objectid BETWEEN 1", "expected AND"],
    ["name LIKE 'a' ESCAPE 'ab'", "ESCAPE"],
    ["state IS NOTNULL", "expected NULL"],
    ["objectid = 1 ; DROP TABLE x", "unexpected character ';'"],
    ["date '2020-13-01' < obstime", "invalid DATE literal"],
  ])("syntax error in %s", (where, fragment) => {
    const error = errorOf(where);
    expect(error.code).toBe(400);
    expect(error.publicMessage).toBe("Unable to complete operation.");
    expect(error.details.join(" ")).toContain(fragment);
  });

  it.each([
    ["nosuchfield = 1", "Invalid field: nosuchfield"],
    ["state = 1", "cannot compare string with number"],
    ["objectid = 'abc'", "not a number"],
    ["name + 1 = 2", "needs numbers"],
    ["UPPER(objectid) = 'A'", "UPPER needs a string"],
    ["FOO(name) = 'a'", "unknown function FOO"],
    ["objectid", "expected a condition"],
    ["(objectid = 1) = 2", "cannot be used as a value"],
  ])("semantic error in %s", (where, fragment) => {
    expect(errorOf(where).details.join(" ")).toContain(fragment);
  });

  it("a bad where reaches the client as the ArcGIS error body with HTTP 200", () => {
    const outcome = executeQuery(layer, { where: "nosuch = 1", f: "json" });
    expect(outcome.status).toBe(200);
    const error = bodyOf(outcome).error as { code: number; message: string; details: string[] };
    expect(error.code).toBe(400);
    expect(error.message).toBe("Unable to complete operation.");
    expect(error.details[0]).toBe("Unable to perform query operation.");
    expect(Object.keys(bodyOf(outcome))).toEqual(["error"]);
  });
});
