/** Bad input found before any request was sent. */
export class ValidationError extends Error {
  override name = "ValidationError";
  /** The parameter (or option) that was wrong, e.g. `params.where` or `url`. */
  readonly parameter: string;

  /**
   * Either `(parameter, problem)` — the message reads "`parameter`: problem" — or
   * `(message, { parameter, value })` with a full message of your own.
   */
  constructor(parameter: string, problem: string);
  constructor(message: string, options: { parameter: string; value?: unknown });
  constructor(first: string, second: string | { parameter: string; value?: unknown }) {
    super(typeof second === "string" ? `${first}: ${second}` : first);
    this.parameter = typeof second === "string" ? first : second.parameter;
    if (typeof second !== "string" && "value" in second) {
      // Kept for debugging without widening the typed surface (subclasses may type it).
      Object.defineProperty(this, "value", { value: second.value, enumerable: false, configurable: true, writable: true });
    }
  }
}
