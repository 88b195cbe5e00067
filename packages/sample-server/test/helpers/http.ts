/** A parsed JSON answer with its HTTP status and headers. */
export interface JsonAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** GET a URL and parse the body as JSON. */
export async function getJson<T = Record<string, unknown>>(url: string, init?: RequestInit): Promise<JsonAnswer<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as T };
}

/** POST form fields (urlencoded) and parse the body as JSON. */
export async function postForm<T = Record<string, unknown>>(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<JsonAnswer<T>> {
  return getJson<T>(url, { method: "POST", body: new URLSearchParams(fields), headers });
}
