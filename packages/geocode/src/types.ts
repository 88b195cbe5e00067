import type { ArcGISRequestError, CallOptions, Progress, SpatialReference } from "@arcrest/core";

/** A point as a locator returns it. */
export interface GeocodePoint {
  x: number;
  y: number;
  spatialReference?: SpatialReference;
}

/** A point to reverse-geocode: `{ x, y, spatialReference? }` or `[x, y]`. */
export type PointInput = GeocodePoint | readonly [number, number];

/** An address: one line of text, or values of the locator's address fields (`{ Address, City, ... }`). */
export type AddressInput = string | Readonly<Record<string, string>>;

/** One candidate of {@link findAddressCandidates}. */
export interface Candidate {
  /** The matched address. */
  address: string;
  location: GeocodePoint;
  /** 0–100; 100 is an exact match. */
  score: number;
  /** The candidate fields asked for with `outFields`. */
  attributes: Record<string, unknown>;
  extent?: { xmin: number; ymin: number; xmax: number; ymax: number };
}

/** What a GeocodeServer says about itself (loaded once by {@link Geocoder.connect}). */
export interface LocatorInfo {
  /** The field for one-line addresses (`SingleLine`), if the locator has one. */
  singleLineAddressField: string | undefined;
  /** Names of the address fields. */
  addressFields: string[];
  /** Largest batch `geocodeAddresses` accepts (`locatorProperties.MaxBatchSize`); undefined: no batch support. */
  maxBatchSize: number | undefined;
  /** Batch size the server suggests (`locatorProperties.SuggestedBatchSize`). */
  suggestedBatchSize: number | undefined;
  spatialReference: SpatialReference | undefined;
}

/** Options of {@link findAddressCandidates}. */
export interface FindAddressCandidatesOptions extends CallOptions {
  /** Candidate fields to return (`"*"` for all). */
  outFields?: string | string[];
  outSR?: number | SpatialReference;
  maxLocations?: number;
  searchExtent?: { xmin: number; ymin: number; xmax: number; ymax: number; spatialReference?: SpatialReference };
  location?: PointInput;
  distance?: number;
  category?: string | string[];
  /** From a {@link Suggestion}. */
  magicKey?: string;
  /** Results are kept (required by the ArcGIS World Geocoder for stored results). */
  forStorage?: boolean;
}

/** A completion of {@link suggest}. */
export interface Suggestion {
  text: string;
  /** Pass to `findAddressCandidates(text, { magicKey })`. */
  magicKey: string;
  isCollection: boolean;
}

/** Options of {@link suggest}. */
export interface SuggestOptions extends CallOptions {
  maxSuggestions?: number;
  location?: PointInput;
  category?: string | string[];
}

/** Options of {@link reverseGeocode}. */
export interface ReverseGeocodeOptions extends CallOptions {
  outSR?: number | SpatialReference;
  featureTypes?: string | string[];
  langCode?: string;
}

/** The answer of {@link reverseGeocode}. */
export interface ReverseGeocodeResult {
  address: Record<string, unknown>;
  location: GeocodePoint;
}

/** Options of {@link geocodeAddresses}. */
export interface GeocodeAddressesOptions extends CallOptions {
  /** Called after each batch with how many records are answered. */
  onProgress?: (progress: Progress) => void;
  /** Records per request; default the locator's suggested size; never above its maximum. */
  batchSize?: number;
  /** Batches in flight at once; default 2. */
  concurrency?: number;
  outSR?: number | SpatialReference;
  category?: string | string[];
  sourceCountry?: string;
  /** Results are kept (the ArcGIS World Geocoder requires it for batch results you store). */
  forStorage?: boolean;
  /** The locator's description, when already loaded (the {@link Geocoder} passes its own). */
  locator?: LocatorInfo;
}

/** How a batch record ended. */
export type GeocodeStatus = "matched" | "tied" | "unmatched" | "failed";

/** The answer for one record of {@link geocodeAddresses}: `results[i]` answers `records[i]`. */
export interface GeocodeResult {
  index: number;
  status: GeocodeStatus;
  /** The best candidate (matched or tied records). */
  candidate?: Candidate;
  /** Why the record failed. */
  error?: ArcGISRequestError;
}
