import { ValidationError } from "../errors/validation-error.js";
import { serverRoot } from "./server-root.js";

/** Latest representable date: the expiry of tokens whose lifetime is unknown. */
const NEVER = new Date(8.64e15);

/** Throws a {@link ValidationError} naming `parameter` unless `value` is a non-empty string. @internal */
export function requireText(value: unknown, parameter: string): asserts value is string {
  if (typeof value !== "string" || value === "") throw new ValidationError(parameter, "must be a non-empty string");
}

/** What a {@link Token} is built from. */
export interface TokenInit {
  /** The token string. */
  value: string;
  /** Any URL of the server that issued the token; reduced to its {@link serverRoot}. */
  serverRoot: string;
  /** Expiry as a Date or epoch milliseconds; unknown (a token supplied by the user) means "never". */
  expires?: Date | number;
  /** Whether the server demands the token be used over https only. */
  ssl?: boolean;
  /** The referer the token was generated for (`client=referer`); sent as `Referer` with the token. */
  referer?: string;
}

/** A token scoped to one server root. It is only ever attached to requests under that root. */
export class Token {
  /** The token string. Never put it in a URL. */
  readonly value: string;
  /** When the token stops working. */
  readonly expires: Date;
  /** The server root (scheme, host, port, instance path) the token was issued for. */
  readonly serverRoot: string;
  /** Whether the server requires https for requests carrying this token. */
  readonly ssl: boolean | undefined;
  /** The referer the token is bound to, when generated with `client=referer`. */
  readonly referer: string | undefined;

  /**
   * @throws {@link ValidationError} for an empty value, a bad root URL or an invalid expiry.
   */
  constructor(init: TokenInit) {
    requireText(init.value, "token.value");
    const expires = init.expires === undefined ? NEVER : new Date(init.expires);
    if (Number.isNaN(expires.getTime())) {
      throw new ValidationError("token.expires", "is not a valid date");
    }
    this.value = init.value;
    this.expires = expires;
    this.serverRoot = serverRoot(init.serverRoot);
    this.ssl = init.ssl;
    this.referer = init.referer;
  }

  /** Whether the token has expired, or will within `skewMs` milliseconds from now. */
  isExpired(skewMs = 0): boolean {
    return Date.now() + skewMs >= this.expires.getTime();
  }
}
