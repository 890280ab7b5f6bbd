// A loopback HTTP server in a provider's documented response shape: the real SDK reaches it through
// its own base-URL option, and the test asserts what the SDK sent (path, query, headers).
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
}

type Reply = { status?: number; json: unknown };

export async function fixtureServer(answer: (req: Seen) => Reply) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fixture");
      const s: Seen = { method: req.method ?? "", path: url.pathname, query: url.searchParams, headers: req.headers, body };
      seen.push(s);
      const { status = 200, json } = answer(s);
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as AddressInfo).port;
  return { port, host: `127.0.0.1:${port}`, url: `http://127.0.0.1:${port}`, seen, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/** A port nothing listens on: the "CMS unreachable" case. */
export async function closedPort(): Promise<number> {
  const s = await fixtureServer(() => ({ json: {} }));
  await s.close();
  return s.port;
}
