// `pnpm dev` for a static site: one local origin, like `netlify dev`. Requests to /api/* go to the
// site's functions (handle, as the host would call them); everything else, hot-reload sockets
// included, goes to the framework's dev server. Node's --watch restarts this when a handler or the
// content changes. Usage: node scripts/dev.ts <the framework dev server's port>
//
// It runs with the developer's real .env, so it listens on loopback only (FUNCTIONS_HOST=0.0.0.0
// opens it, say in a container), and answers only requests whose Host names this machine's
// loopback: a page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) gets 421 and
// never reaches the functions or the dev server.
import { createServer, type IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { loadLocalEnv } from "@repo/content";
import { createProxyServer } from "http-proxy-3";
import { handle } from "../src/index.ts";

// The repository's .env counts here too (FUNCTIONS_PORT, FUNCTIONS_HOST), as it does for the functions.
loadLocalEnv();
const sitePort = Number(process.argv[2]);
const port = Number(process.env.FUNCTIONS_PORT ?? 8888);
const host = process.env.FUNCTIONS_HOST ?? "127.0.0.1";
const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"].map((h) => `${h}:${port}`));
const proxy = createProxyServer({ target: `http://localhost:${sitePort}`, ws: true });

proxy.on("error", (_error, _req, res) => {
  if ("writeHead" in res && !res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
  res.end(`The site's dev server (port ${sitePort}) is not answering yet: wait for it, then reload.`);
});

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) for (const v of [value ?? []].flat()) headers.append(name, v);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const body = hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined;
  return new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body, duplex: "half" } as RequestInit);
}

const misdirected = (host: string | undefined) => host === undefined || (!loopbackHosts.has(host) && process.env.FUNCTIONS_HOST === undefined);

const server = createServer(async (req, res) => {
  if (misdirected(req.headers.host)) {
    res.writeHead(421, { "content-type": "text/plain" });
    return res.end(`Open the site at http://localhost:${port}/.`);
  }
  if (!req.url?.startsWith("/api/")) return proxy.web(req, res);
  const response = await handle(toRequest(req));
  // Each Set-Cookie on its own line (sign-in sets one cookie and clears another): a Headers object
  // read as entries would join them into one value, which browsers do not split.
  const headers: Record<string, string | string[]> = Object.fromEntries([...response.headers].filter(([name]) => name !== "set-cookie"));
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
});
server.on("upgrade", (req, socket, head) => (misdirected(req.headers.host) ? socket.destroy() : proxy.ws(req, socket, head)));
server.listen(port, host, () => console.log(`functions: http://localhost:${port} serves /api/* and the site (from its dev server on port ${sitePort})`));
