import "leaflet/dist/leaflet.css";
import "./style.css";
import { ArcServer, Session } from "@arcrest/core";
import { MapService, type MapServiceLayer } from "@arcrest/query";
import L from "leaflet";
import { leafletLayer } from "./draw.js";
import { geocodeBox } from "./geocode-box.js";
import { messageFor } from "./messages.js";

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const directoryInput = $<HTMLInputElement>("directory");
const serviceSelect = $<HTMLSelectElement>("service");
const layerSelect = $<HTMLSelectElement>("layer");
const whereInput = $<HTMLInputElement>("where");
const drawButton = $<HTMLButtonElement>("draw");
const stopButton = $<HTMLButtonElement>("stop");
const countLine = $<HTMLParagraphElement>("count");
const messageBox = $<HTMLParagraphElement>("message");

const session = new Session();
const map = L.map("map", { preferCanvas: true }).setView([39, -98], 4);
const renderer = L.canvas({ padding: 0.5 });
const drawn = L.featureGroup().addTo(map);
const geocoding = geocodeBox({ map, session, showMessage });
let ags: ArcServer | undefined;
let service: MapService | undefined;
let running: AbortController | undefined;

function showMessage(text: string | undefined): void {
  messageBox.hidden = !text;
  messageBox.textContent = text ?? "";
}

function setCount(done: number, total: number | undefined, finished: boolean): void {
  countLine.textContent = `${done.toLocaleString("en")}${total === undefined ? "" : ` of ${total.toLocaleString("en")}`} features drawn${finished ? "" : "…"}`;
  countLine.dataset.drawn = String(done);
  countLine.dataset.done = String(finished);
  if (total !== undefined) countLine.dataset.total = String(total);
}

function fillSelect(select: HTMLSelectElement, options: { value: string; label: string }[]): void {
  select.replaceChildren(...options.map((o) => new Option(o.label, o.value)));
  select.disabled = options.length === 0;
}

async function connect(): Promise<void> {
  showMessage(undefined);
  const url = directoryInput.value.trim();
  try {
    ags = await ArcServer.connect(url, { session });
    const all = await ags.allServices();
    const locator = all.find((s) => s.type === "GeocodeServer");
    if (locator) geocoding.setLocator(ags.entryUrl(locator));
    const services = all.filter((s) => s.type === "MapServer" || s.type === "FeatureServer");
    fillSelect(serviceSelect, services.map((s) => ({ value: ags!.entryUrl(s), label: `${s.name} (${s.type})` })));
    await chooseService();
  } catch (error) {
    fillSelect(serviceSelect, []);
    fillSelect(layerSelect, []);
    drawButton.disabled = true;
    showMessage(messageFor(error, url));
  }
}

async function chooseService(): Promise<void> {
  showMessage(undefined);
  try {
    service = await MapService.connect(serviceSelect.value, { session });
    fillSelect(layerSelect, service.layers.map((l) => ({ value: String(l.id), label: l.name })));
    drawButton.disabled = layerSelect.disabled;
  } catch (error) {
    fillSelect(layerSelect, []);
    drawButton.disabled = true;
    showMessage(messageFor(error, serviceSelect.value));
  }
}

/** Streams every matching feature onto the map, a page at a time, counting as they arrive. */
async function draw(): Promise<void> {
  if (!service) return;
  running?.abort();
  const controller = new AbortController();
  running = controller;
  showMessage(undefined);
  drawn.clearLayers();
  stopButton.disabled = false;
  let total: number | undefined;
  let count = 0;
  let batch: L.Layer[] = [];
  const flush = (): void => {
    for (const layer of batch) drawn.addLayer(layer);
    batch = [];
    setCount(count, total, false);
  };
  try {
    const layer: MapServiceLayer = await service.layer(Number(layerSelect.value), { signal: controller.signal });
    setCount(0, undefined, false);
    const features = layer.features({
      where: whereInput.value || "1=1",
      outFields: layer.objectIdField ? [layer.objectIdField] : ["*"],
      outSR: 4326,
      signal: controller.signal,
      onProgress: (p) => (total = p.total),
    });
    for await (const feature of features) {
      const shape = feature.geometry ? leafletLayer(feature.geometry, renderer) : undefined;
      if (shape) batch.push(shape);
      count += 1;
      if (batch.length >= 1000) flush();
    }
    flush();
    setCount(count, total ?? count, true);
    if (count > 0 && drawn.getBounds().isValid()) map.fitBounds(drawn.getBounds(), { maxZoom: 12 });
  } catch (error) {
    flush();
    showMessage(messageFor(error, serviceSelect.value));
  } finally {
    stopButton.disabled = true;
    if (running === controller) running = undefined;
  }
}

$("connect-form").addEventListener("submit", (event) => {
  event.preventDefault();
  void connect();
});
serviceSelect.addEventListener("change", () => void chooseService());
$("draw-form").addEventListener("submit", (event) => {
  event.preventDefault();
  void draw();
});
stopButton.addEventListener("click", () => running?.abort());

// `?directory=URL` fills the box and connects at once (the tests and shared links use it).
const initial = new URLSearchParams(location.search).get("directory");
if (initial) {
  directoryInput.value = initial;
  void connect();
}
