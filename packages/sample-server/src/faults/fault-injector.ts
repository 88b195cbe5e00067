import { hashString, hashUnit } from "../data/prng.js";
import type { Fault, FaultController, FaultRule, RandomFaultOptions } from "./types.js";

/** What the server knows about a request when it decides on a fault. */
export interface FaultProbe {
  method: string;
  /** Path plus query string, as received. */
  target: string;
  /** Whether the request carries a token (expire-token faults only hit those). */
  hasToken: boolean;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

const DEFAULT_RANDOM_MATCH = /^\/arcgis\/rest\/services/;

/**
 * Decides which fault, if any, a request gets. Rules are consumed in order; random faults are
 * decided by hashing the seed, the request and how many times that same request was seen, so
 * the outcome does not depend on the order in which concurrent requests arrive.
 */
export class FaultInjector implements FaultController {
  private rules: ActiveRule[] = [];
  private randomOptions: (RandomFaultOptions & { seed: number }) | undefined;
  private readonly seen = new Map<string, number>();

  constructor(private readonly defaultSeed: number) {}

  add(rule: FaultRule): void {
    const times = rule.times ?? 1;
    if (!(times > 0)) throw new RangeError(`FaultRule.times must be positive, got ${String(rule.times)}`);
    if (rule.fault.kind === "redirect" && !rule.fault.location) throw new TypeError("redirect fault needs a location");
    this.rules.push({ rule, remaining: times });
  }

  clear(): void {
    this.rules = [];
    this.randomOptions = undefined;
    this.seen.clear();
  }

  random(opts: RandomFaultOptions): void {
    if (!(opts.rate >= 0 && opts.rate <= 1)) throw new RangeError(`random faults: rate must be in [0, 1], got ${opts.rate}`);
    if (opts.kinds.length === 0) throw new TypeError("random faults: kinds must not be empty");
    this.randomOptions = { ...opts, seed: opts.seed ?? this.defaultSeed };
    this.seen.clear();
  }

  /** The fault for a request, or undefined to answer normally. */
  pick(probe: FaultProbe): Fault | undefined {
    for (const active of this.rules) {
      const { rule } = active;
      if (active.remaining <= 0) continue;
      if (rule.method && rule.method !== probe.method) continue;
      if (rule.match && !testRegExp(rule.match, probe.target)) continue;
      if (rule.fault.kind === "expire-token" && !probe.hasToken) continue;
      active.remaining -= 1;
      return rule.fault;
    }
    this.rules = this.rules.filter((active) => active.remaining > 0);
    return this.pickRandom(probe);
  }

  private pickRandom(probe: FaultProbe): Fault | undefined {
    const opts = this.randomOptions;
    if (!opts || probe.method === "OPTIONS") return undefined;
    if (!testRegExp(opts.match ?? DEFAULT_RANDOM_MATCH, probe.target)) return undefined;
    const key = `${probe.method} ${probe.target}`;
    const occurrence = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, occurrence);
    const requestHash = hashString(key);
    if (hashUnit(opts.seed, requestHash, occurrence, 1) >= opts.rate) return undefined;
    const choice = hashUnit(opts.seed, requestHash, occurrence, 2);
    const kind = opts.kinds[Math.floor(choice * opts.kinds.length)];
    const variant = hashUnit(opts.seed, requestHash, occurrence, 3);
    switch (kind) {
      case "status":
        return { kind, status: [500, 502, 503][Math.floor(variant * 3)] };
      case "rate-limit":
        return { kind, retryAfterSeconds: opts.retryAfterSeconds ?? 1 };
      case "error-in-200":
        return { kind, code: 500, message: "Unable to complete operation." };
      case "delay":
        return { kind, ms: opts.delayMs ?? 100 };
      case "redirect":
        // A temporary redirect to the same URL: the client must follow it and still succeed.
        return { kind, location: probe.target, status: 307 };
      case "expire-token":
        return probe.hasToken ? { kind } : undefined;
      case "cut":
      case "drop-after-apply":
        return { kind };
    }
  }
}

function testRegExp(re: RegExp, text: string): boolean {
  // Global/sticky regexps keep state between test() calls; reset it so a rule matches consistently.
  re.lastIndex = 0;
  return re.test(text);
}
