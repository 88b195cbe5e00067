import { type Session, ValidationError } from "@arcrest/core";
import { Geocoder } from "@arcrest/geocode";
import L from "leaflet";
import { messageFor } from "./messages.js";

/** What the geocode box needs from the page. */
export interface GeocodeBoxOptions {
  map: L.Map;
  session: Session;
  showMessage: (text: string | undefined) => void;
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/**
 * The address box: suggestions while typing (`suggest`), then the best candidate of
 * `findAddressCandidates` drawn as a circle, the map zoomed to it.
 */
export function geocodeBox({ map, session, showMessage }: GeocodeBoxOptions): { setLocator: (url: string) => void } {
  const locatorInput = $<HTMLInputElement>("locator");
  const addressInput = $<HTMLInputElement>("address");
  const suggestions = $<HTMLDataListElement>("suggestions");
  const result = $<HTMLParagraphElement>("geocoded");
  const marker = L.featureGroup().addTo(map);
  const renderer = L.svg();
  let geocoder: Geocoder | undefined;
  let typing: ReturnType<typeof setTimeout> | undefined;
  let suggesting: AbortController | undefined;
  const magicKeys = new Map<string, string>();

  async function locator(): Promise<Geocoder> {
    const url = locatorInput.value.trim();
    if (geocoder?.url !== url) geocoder = await Geocoder.connect(url, { session });
    return geocoder;
  }

  async function suggest(): Promise<void> {
    suggesting?.abort();
    const text = addressInput.value.trim();
    if (text.length < 3 || !locatorInput.value.trim()) return;
    const controller = new AbortController();
    suggesting = controller;
    try {
      const found = await (await locator()).suggest(text, { maxSuggestions: 5, signal: controller.signal });
      for (const s of found) magicKeys.set(s.text, s.magicKey);
      suggestions.replaceChildren(...found.map((s) => new Option(s.text, s.text)));
    } catch {
      // Suggestions are a convenience: Find reports errors.
    }
  }

  async function find(): Promise<void> {
    showMessage(undefined);
    const address = addressInput.value.trim();
    if (!address) return;
    try {
      const magicKey = magicKeys.get(address);
      const [best] = await (await locator()).findAddressCandidates(address, { outSR: 4326, maxLocations: 1, ...(magicKey ? { magicKey } : {}) });
      marker.clearLayers();
      if (!best) {
        result.textContent = "";
        showMessage(`No match for “${address}”.`);
        return;
      }
      const at = L.latLng(best.location.y, best.location.x);
      L.circleMarker(at, { renderer, radius: 9, color: "#c0392b", weight: 3, className: "geocode-result" }).addTo(marker);
      map.setView(at, 15);
      result.textContent = `${best.address} (score ${best.score})`;
      Object.assign(result.dataset, { lat: String(at.lat), lng: String(at.lng), score: String(best.score) });
    } catch (error) {
      const url = locatorInput.value.trim();
      const badUrl = error instanceof ValidationError || error instanceof TypeError;
      showMessage(badUrl ? `“${url}” is not a locator URL. Enter one like https://host/arcgis/rest/services/World/GeocodeServer.` : messageFor(error, url));
    }
  }

  addressInput.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => void suggest(), 250);
  });
  $("geocode-form").addEventListener("submit", (event) => {
    event.preventDefault();
    void find();
  });
  return {
    setLocator(url) {
      if (!locatorInput.value.trim()) locatorInput.value = url;
    },
  };
}
