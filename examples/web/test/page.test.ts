import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startSampleServer, SYNTHETIC_SERVICE_NAME, type SampleServer } from "@arcrest/sample-server";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveFolder } from "./static-server.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL("../../../docs/img/", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const POINTS = 20_000;

let server: SampleServer;
let site: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  server = await startSampleServer({ port: 0, syntheticPoints: POINTS });
  const outDir = await mkdtemp(join(tmpdir(), "arcrest-web-"));
  await build({ root: ROOT, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  site = await serveFolder(outDir);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

async function openPage(directory: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto(`${site.url}/?directory=${encodeURIComponent(directory)}`);
  return page;
}

async function drawLayer(page: Page, service: string, where = "1=1"): Promise<{ drawn: number; total: number }> {
  await page.locator("#service option", { hasText: service }).waitFor({ state: "attached" });
  await page.selectOption("#service", { label: service });
  await page.locator("#layer option").first().waitFor({ state: "attached" });
  await page.fill("#where", where);
  await page.click("#draw");
  const count = page.locator('#count[data-done="true"]');
  await count.waitFor({ timeout: 90_000 });
  return { drawn: Number(await count.getAttribute("data-drawn")), total: Number(await count.getAttribute("data-total")) };
}

describe("the map page in Chromium", () => {
  it("draws every feature of a 20,000-point layer, streaming, and the count shown equals the layer's", async () => {
    const page = await openPage(server.restUrl);
    const seen: number[] = [];
    await page.exposeFunction("recordCount", (n: number) => seen.push(n));
    await page.evaluate(() => {
      const line = document.getElementById("count") as HTMLElement;
      new MutationObserver(() => (window as unknown as { recordCount: (n: number) => void }).recordCount(Number(line.dataset.drawn))).observe(line, {
        attributes: true,
      });
    });
    const result = await drawLayer(page, `${SYNTHETIC_SERVICE_NAME} (MapServer)`);
    expect(result).toEqual({ drawn: POINTS, total: POINTS });
    expect(await page.textContent("#count")).toBe("20,000 of 20,000 features drawn");
    // Pages were drawn as they arrived, not all at the end.
    expect(new Set(seen.filter((n) => n > 0 && n < POINTS)).size).toBeGreaterThan(3);
    expect(await page.isHidden("#message")).toBe(true);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "web-map.png") });
    await page.close();
  });

  it("filters with a where clause", async () => {
    const page = await openPage(server.restUrl);
    const result = await drawLayer(page, `${SYNTHETIC_SERVICE_NAME} (MapServer)`, "objectid <= 1234");
    expect(result).toEqual({ drawn: 1234, total: 1234 });
    await page.close();
  });

  it("says clearly when the URL is not a services directory", async () => {
    const page = await openPage("not a url");
    await page.locator("#message").waitFor({ state: "visible" });
    expect(await page.textContent("#message")).toContain("is not a services directory URL");
    await page.close();
  });

  it("says clearly when the server needs a token (499)", async () => {
    const page = await openPage(`${server.restUrl}/Secure`);
    await page.locator("#message").waitFor({ state: "visible" });
    expect(await page.textContent("#message")).toContain("499 Token Required");
    await page.close();
  });

  it("says clearly when a where clause is refused", async () => {
    const page = await openPage(server.restUrl);
    await page.locator("#service option", { hasText: "ahps_gauges" }).waitFor({ state: "attached" });
    await page.selectOption("#service", { label: "ahps_gauges (MapServer)" });
    await page.locator("#layer option").first().waitFor({ state: "attached" });
    await page.fill("#where", "no_such_field = 1");
    await page.click("#draw");
    await page.locator("#message").waitFor({ state: "visible" });
    expect(await page.textContent("#message")).toMatch(/The server refused/);
    await page.close();
  });

  it("finds an address: suggestions while typing, then the best candidate drawn and zoomed to", async () => {
    const page = await openPage(server.restUrl);
    const locator = page.locator("#locator");
    await expect.poll(() => locator.inputValue(), { timeout: 30_000 }).toBe(`${server.restUrl}/Locators/SampleLocator/GeocodeServer`);
    await page.locator("#address").pressSequentially("400 Oak St, Redl", { delay: 20 });
    await page.locator("#suggestions option").first().waitFor({ state: "attached", timeout: 30_000 });
    const suggested = await page.locator("#suggestions option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(suggested[0]).toMatch(/^400 Oak St, Redlands/);
    await page.fill("#address", suggested[0]);
    await page.click("#find");
    const result = page.locator("#geocoded[data-lat]");
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toMatch(/^400 Oak St, Redlands, CA, 92373 \(score 100\)$/);
    // The sample locator puts Redlands' streets around -117.18, 34.05 (WGS84, as asked with outSR).
    expect(Number(await result.getAttribute("data-lng"))).toBeCloseTo(-117.18, 0);
    expect(Number(await result.getAttribute("data-lat"))).toBeCloseTo(34.05, 0);
    // The candidate is drawn, and the map zoomed to it: its circle lies inside the map.
    const circle = await page.locator("path.geocode-result").boundingBox();
    const map = await page.locator("#map").boundingBox();
    if (!circle || !map) throw new Error("the candidate or the map is not on the page");
    expect(circle.x).toBeGreaterThan(map.x);
    expect(circle.x + circle.width).toBeLessThan(map.x + map.width);
    expect(circle.y).toBeGreaterThan(map.y);
    expect(circle.y + circle.height).toBeLessThan(map.y + map.height);
    expect(await page.isHidden("#message")).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, "web-geocode.png") });
    await page.close();
  });

  it("says clearly when nothing matches and when the locator URL is wrong", async () => {
    const page = await openPage(server.restUrl);
    await expect.poll(() => page.locator("#locator").inputValue(), { timeout: 30_000 }).toContain("GeocodeServer");
    await page.fill("#address", "zzzz qqqq");
    await page.click("#find");
    await page.locator("#message").waitFor({ state: "visible" });
    expect(await page.textContent("#message")).toBe("No match for “zzzz qqqq”.");
    await page.fill("#locator", "nonsense");
    await page.fill("#address", "400 Oak St");
    await page.click("#find");
    await expect.poll(() => page.textContent("#message")).toContain("is not a locator URL");
    await page.close();
  });
});
