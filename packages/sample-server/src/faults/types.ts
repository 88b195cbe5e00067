/** A failure the server injects instead of (or around) a normal answer. */
export type Fault =
  /** Answer with this HTTP status and an HTML error page. */
  | { kind: "status"; status: number }
  /** HTTP 429 with a Retry-After header. */
  | { kind: "rate-limit"; retryAfterSeconds: number }
  /** An ArcGIS error body `{"error":{code,message,details:[]}}` with HTTP 200. */
  | { kind: "error-in-200"; code: number; message: string }
  /** Wait this long, then answer normally. */
  | { kind: "delay"; ms: number }
  /** Destroy the socket without answering. */
  | { kind: "cut" }
  /** Redirect to `location` (absolute, or a path on this server). */
  | { kind: "redirect"; location: string; status?: 301 | 302 | 307 | 308 }
  /** Run the handler (e.g. apply an edit), then destroy the socket without answering. */
  | { kind: "drop-after-apply" }
  /**
   * Treat the request's token as expired: it is expired in the store (so later requests with it
   * get 498 too) and this request is answered 498. Only requests carrying a token match.
   */
  | { kind: "expire-token" };

/** The kinds of {@link Fault}. */
export type FaultKind = Fault["kind"];

/** When and how often a fault applies. */
export interface FaultRule {
  /**
   * Tested against the path plus query string as sent (percent-encoded), e.g.
   * `/arcgis/rest/services/x/MapServer/0/query?f=json&where=1%3D1`; POST bodies are not part of it.
   * Default: every request.
   */
  match?: RegExp;
  /** Only this method; default: any. */
  method?: "GET" | "POST";
  /** How many matching requests get the fault; default 1. `Infinity` for all. */
  times?: number;
  /** What happens. */
  fault: Fault;
}

/** Options of {@link FaultController.random}. */
export interface RandomFaultOptions {
  /** Probability (0..1) that a matching request gets a fault. */
  rate: number;
  /** Kinds to choose from (uniformly). */
  kinds: FaultKind[];
  /** Seed; default the server's seed. The same seed and the same requests give the same faults. */
  seed?: number;
  /** Only requests whose path plus query matches; default all requests under /arcgis/rest/services. */
  match?: RegExp;
  /** Retry-After of rate-limit faults; default 1. */
  retryAfterSeconds?: number;
  /** Duration of delay faults; default 100 ms. */
  delayMs?: number;
}

/** Fault injection of a running sample server. */
export interface FaultController {
  /** Adds a rule; rules are tried in the order added, the first match wins. */
  add(rule: FaultRule): void;
  /** Removes every rule and the random faults. */
  clear(): void;
  /** Injects faults at random (deterministically for a seed) into matching requests. */
  random(opts: RandomFaultOptions): void;
}
