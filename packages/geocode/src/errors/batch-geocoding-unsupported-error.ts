/** The locator cannot batch-geocode: it lists no `MaxBatchSize`, or answered `geocodeAddresses` as unsupported. */
export class BatchGeocodingUnsupportedError extends Error {
  override name = "BatchGeocodingUnsupportedError";

  /** @param url - the GeocodeServer URL (without token) */
  constructor(
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(`${url} cannot batch-geocode (geocodeAddresses is not supported by this locator)`, options);
  }
}
