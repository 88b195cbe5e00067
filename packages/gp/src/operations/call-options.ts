import type { CallOptions } from "@arcrest/core";

/** Only the session and signal of an options object, for the request pipeline. */
export function callOptions(options: CallOptions): CallOptions {
  return {
    ...(options.session ? { session: options.session } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}
