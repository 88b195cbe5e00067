/**
 * Geocoding with ArcGIS GeocodeServers: candidates for an address, suggestions while typing,
 * reverse geocoding, and batch geocoding that keeps every record.
 *
 * @packageDocumentation
 */
export { Geocoder } from "./geocoder.js";
export { findAddressCandidates } from "./operations/find-address-candidates.js";
export { suggest } from "./operations/suggest.js";
export { reverseGeocode } from "./operations/reverse-geocode.js";
export { geocodeAddresses } from "./operations/geocode-addresses.js";
export { fetchLocatorInfo } from "./operations/locator-info.js";
export { BatchGeocodingUnsupportedError } from "./errors/batch-geocoding-unsupported-error.js";
export type {
  AddressInput,
  Candidate,
  FindAddressCandidatesOptions,
  GeocodeAddressesOptions,
  GeocodePoint,
  GeocodeResult,
  GeocodeStatus,
  LocatorInfo,
  PointInput,
  ReverseGeocodeOptions,
  ReverseGeocodeResult,
  Suggestion,
  SuggestOptions,
} from "./types.js";
