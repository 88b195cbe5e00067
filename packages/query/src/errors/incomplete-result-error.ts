/** What an {@link IncompleteResultError} is built from. */
export interface IncompleteResultErrorInit {
  /** The layer or query URL. */
  url: string;
  /** How many features the server counted for the query. */
  expected: number;
  /** How many distinct features were actually received. */
  received: number;
  /** The paging strategy that was used (`range`, `ids`, `offset`, `single`). */
  strategy: string;
}

/**
 * Reading every page of a query ended with fewer features than the server counted
 * for the same query. Raised instead of silently returning a truncated layer
 * (the server capped pages without saying so, rows changed while reading, or a
 * server ignored a paging parameter).
 */
export class IncompleteResultError extends Error {
  override name = "IncompleteResultError";
  /** The layer or query URL. */
  readonly url: string;
  /** Features counted by the server. */
  readonly expected: number;
  /** Distinct features received. */
  readonly received: number;
  /** `expected - received`. */
  readonly missing: number;
  /** The paging strategy used. */
  readonly strategy: string;

  /** Builds the error; the message says how many features are missing. */
  constructor(init: IncompleteResultErrorInit) {
    const missing = init.expected - init.received;
    super(
      `Incomplete result from ${init.url}: the server counted ${init.expected} features but ${init.received} were received ` +
        `(${missing} missing, paging by ${init.strategy})`,
    );
    this.url = init.url;
    this.expected = init.expected;
    this.received = init.received;
    this.missing = missing;
    this.strategy = init.strategy;
  }
}
