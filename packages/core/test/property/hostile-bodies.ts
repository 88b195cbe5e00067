import { createServer, type Server } from "node:http";
import fc from "fast-check";

/** One answer the hostile server gives. */
export interface HostileAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** A server on 127.0.0.1 that answers every request with whatever the test set last. */
export async function startHostileServer(): Promise<{ url: string; answer: (a: HostileAnswer) => void; close: () => Promise<void> }> {
  let current: HostileAnswer = { status: 200, contentType: "application/json", body: "{}" };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(current.status, { "content-type": current.contentType }).end(current.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/arcgis/rest/services/Hostile/MapServer/0`,
    answer: (a) => (current = a),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const nested = (depth: number, open: string, close: string): string => open.repeat(depth) + close.repeat(depth);

/** JSON-ish text a broken or hostile server might send: truncated, non-JSON tokens, huge numbers, deep nesting. */
export const hostileJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.json().chain((text) => fc.nat({ max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut))),
  fc.json(),
  fc.constantFrom('{"count": NaN}', '{"count": Infinity}', '{"count": -Infinity}', '{"features": [NaN]}', "{'single': 'quotes'}", "", " ", "null", "true", "[]", '"text"'),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }).map((n) => `{"count": ${n}, "objectIds": [${n}, ${n + 1n}]}`),
  fc.integer({ min: 1000, max: 200_000 }).map((d) => `{"a":${nested(d, "[", "]")}}`),
  fc.integer({ min: 1000, max: 200_000 }).map((d) => nested(d, '{"x":', "}").replace(/\{"x":\}/, '{"x":1}')),
  fc.string({ maxLength: 200 }),
);

/** An HTML error page, as proxies and IIS send with status 200 or 5xx. */
export const htmlPage: fc.Arbitrary<string> = fc.string({ maxLength: 80 }).map((t) => `<!DOCTYPE html><html><head><title>Error</title></head><body><h1>${t}</h1></body></html>`);

/** Any answer: JSON-ish or HTML, with a plausible or wrong content type, status 200 or an error. */
export const hostileAnswer: fc.Arbitrary<HostileAnswer> = fc.record({
  status: fc.constantFrom(200, 200, 200, 400, 403, 404, 500),
  contentType: fc.constantFrom("application/json", "text/plain", "text/html", "application/octet-stream", ""),
  body: fc.oneof(hostileJsonText, htmlPage),
});
