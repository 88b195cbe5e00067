import { randomBytes } from "node:crypto";

/** A token as issued. */
export interface IssuedToken {
  /** The token value. */
  token: string;
  /** Expiry, epoch ms. */
  expires: number;
}

/** Token management of a running sample server. */
export interface TokenController {
  /** Issues a token for a user without checking a password; ttl defaults to the server's tokenTtlSeconds. */
  issue(username: string, ttlSeconds?: number): IssuedToken;
  /** Makes every issued token expired (later use answers 498). */
  expireAll(): void;
  /** Forgets a token (later use answers 498). */
  revoke(token: string): void;
}

interface TokenRecord {
  username: string;
  expires: number;
}

/** Issues and validates tokens; the server's {@link TokenController}. */
export class TokenStore implements TokenController {
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(
    /** Default and maximum lifetime, seconds. */
    readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(username: string, ttlSeconds?: number): IssuedToken {
    const ttl = ttlSeconds ?? this.ttlSeconds;
    // ArcGIS tokens are long opaque strings of URL-safe characters.
    const token = randomBytes(48).toString("base64url");
    const expires = this.now() + Math.round(ttl * 1000);
    this.tokens.set(token, { username, expires });
    return { token, expires };
  }

  expireAll(): void {
    const past = this.now() - 1;
    for (const record of this.tokens.values()) record.expires = past;
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }

  /** Makes one token expired now. */
  expire(token: string): void {
    const record = this.tokens.get(token);
    if (record) record.expires = this.now() - 1;
  }

  /** The user a token belongs to, or undefined when it is unknown or expired. */
  validate(token: string): string | undefined {
    const record = this.tokens.get(token);
    if (!record || record.expires <= this.now()) return undefined;
    return record.username;
  }
}
