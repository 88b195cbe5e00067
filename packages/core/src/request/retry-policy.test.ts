import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, backoffDelay, parseRetryAfter } from "./retry-policy.js";

describe("backoffDelay", () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };

  it("doubles per retry, with jitter between half and the full delay", () => {
    expect(backoffDelay(policy, 0, () => 0)).toBe(50);
    expect(backoffDelay(policy, 0, () => 0.999999)).toBe(100);
    expect(backoffDelay(policy, 1, () => 0)).toBe(100);
    expect(backoffDelay(policy, 2, () => 0.5)).toBe(300);
  });

  it("is capped by maxDelayMs", () => {
    expect(backoffDelay(policy, 10, () => 0.999999)).toBe(1000);
    expect(backoffDelay(policy, 50, () => 0)).toBe(500);
  });

  it("varies with randomness", () => {
    const seen = new Set(Array.from({ length: 20 }, () => backoffDelay(policy, 3)));
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe("parseRetryAfter", () => {
  it("reads delay seconds", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter(" 0 ")).toBe(0);
    expect(parseRetryAfter("1.5")).toBe(1500);
  });

  it("reads HTTP dates relative to now, never negative", () => {
    const now = Date.UTC(2024, 0, 1, 0, 0, 0);
    expect(parseRetryAfter("Mon, 01 Jan 2024 00:00:03 GMT", now)).toBe(3000);
    expect(parseRetryAfter("Sun, 31 Dec 2023 23:00:00 GMT", now)).toBe(0);
  });

  it("ignores missing and garbage values", () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("")).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});
