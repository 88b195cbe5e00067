/** The image service does not offer an operation (e.g. no `Image` capability, so no exportImage). */
export class ImageCapabilityError extends Error {
  override name = "ImageCapabilityError";

  constructor(
    /** The service URL. */
    readonly url: string,
    /** The operation asked for. */
    readonly operation: string,
    /** The service's advertised capabilities. */
    readonly capabilities: string,
  ) {
    super(`${url} does not support ${operation} (capabilities: ${capabilities || "none"})`);
  }
}
