// Parameters that carry secrets and must never be shown in an error's URL or logged.
const SECRET_PARAMS = new Set(["token", "access_token", "password", "refresh_token", "client_secret"]);

/** Whether a parameter name carries a secret (`token`, `access_token`, `password` ...), in any case. @internal */
export function isSecretParam(name: string): boolean {
  return SECRET_PARAMS.has(name.toLowerCase());
}
