// Runs one serverless function the way its host's Node runtime does, in a process of its own (a
// test runner's module loader resolves packages differently from plain Node), and prints the
// response as JSON. Usage: node call-function.ts <vercel|netlify> <handler file> <path?query> [init as JSON]
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";

type WebHandler = (request: Request, context?: unknown) => Promise<Response>;

const [host, file, url, initJson] = process.argv.slice(2);
const init = (initJson ? JSON.parse(initJson) : {}) as { method?: string; headers?: Record<string, string>; body?: string };
process.chdir(dirname(file));
const handler = (await import(pathToFileURL(file).href)).default as RequestListener | WebHandler | { fetch?: WebHandler };
const request = new Request(`https://site.example${url}`, init);

async function call(): Promise<Response> {
  if (host === "netlify") {
    // Netlify Functions 2.0: (Request, Context) => Response.
    if (typeof handler !== "function") throw new Error(`${file}: no default export function`);
    const context = { ip: "127.0.0.1", geo: {}, params: {}, cookies: { get() {}, set() {}, delete() {} }, requestId: "test", waitUntil() {} };
    return (handler as WebHandler)(request, context);
  }
  // Vercel's Node launcher: a web handler (`export default { fetch }`) or a Node (req, res) listener.
  if (typeof handler === "object" && typeof handler.fetch === "function") return handler.fetch(request);
  if (typeof handler !== "function") throw new Error(`${file}: default export is neither (req, res) nor { fetch }`);
  const server = createServer(handler as RequestListener);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${url}`, { ...init, redirect: "manual" });
    return new Response(await res.arrayBuffer(), res);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

const res = await call();
process.stdout.write(JSON.stringify({ status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() }));
process.exit(0);
