/**
 * The token a request carries: the `token` parameter (query or body), else an
 * `X-Esri-Authorization: Bearer <t>` or `Authorization: Bearer <t>` header.
 */
export function requestToken(params: Record<string, string>, headers: Record<string, string>): string | undefined {
  if (params.token) return params.token;
  for (const name of ["x-esri-authorization", "authorization"]) {
    const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(headers[name] ?? "");
    if (match) return match[1];
  }
  return undefined;
}
