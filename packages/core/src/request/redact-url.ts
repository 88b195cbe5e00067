// Query parameters that carry secrets and must never be stored or logged.
const SECRET_PARAMS = new Set(["token", "access_token", "password", "refresh_token", "client_secret"]);

/**
 * Removes token-like parameters (`token`, `access_token`, `password` ...) from a URL,
 * including a URL nested in an Esri proxy query (`proxy.ashx?https://host/...?token=`).
 * Unparseable input is returned without its query string.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  if (q === -1) return url;
  const base = url.slice(0, q);
  const query = url.slice(q + 1);
  // An Esri resource proxy URL carries the whole target URL as its query.
  if (/^https?:\/\//i.test(query)) return `${base}?${redactUrl(query)}`;
  const kept = query
    .split("&")
    .filter((pair) => {
      const name = pair.split("=")[0] ?? "";
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, " "));
      } catch {
        // keep the raw name
      }
      return !SECRET_PARAMS.has(decoded.toLowerCase());
    })
    .join("&");
  return kept === "" ? base : `${base}?${kept}`;
}

/** Whether a parameter name carries a secret. @internal */
export function isSecretParam(name: string): boolean {
  return SECRET_PARAMS.has(name.toLowerCase());
}
