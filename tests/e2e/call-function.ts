// Runs one serverless function the way its host's Node runtime does, in a process of its own (a
// test runner's module loader resolves packages differently from plain Node), and prints the
// response as JSON. Usage: node call-function.ts <vercel|netlify> <handler file> <path?query> [init as JSON]
import { createServer, request as httpRequest, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";

/** Marks the result line in stdout (deploy-outputs.ts reads it). */
export const RESULT = "call-function-result:";

type WebHandler = (request: Request, context?: unknown) => Promise<Response>;

const [host, file, url, initJson] = process.argv.slice(2);
const { origin = "https://site.example", ...init } = (initJson ? JSON.parse(initJson) : {}) as { method?: string; headers?: Record<string, string>; body?: string; origin?: string };
process.chdir(dirname(file));
const handler = (await import(pathToFileURL(file).href)).default as RequestListener | WebHandler | { fetch?: WebHandler };
const request = new Request(`${origin}${url}`, init);

/** A request to a local Node listener that says it is for `origin` (the Host header a host's proxy sends). */
function viaNode(port: number): Promise<Response> {
  return new Promise((ok, fail) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: url, method: init.method ?? "GET", headers: { ...init.headers, host: new URL(origin).host, "x-forwarded-proto": new URL(origin).protocol.slice(0, -1) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
        const status = res.statusCode ?? 500;
        ok(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers }));
      });
    });
    req.on("error", fail);
    req.end(init.body);
  });
}

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
    return await viaNode((server.address() as AddressInfo).port);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

const res = await call();
// On a line of its own after whatever the function logged to stdout (its console.log lines).
process.stdout.write(`\n${RESULT}${JSON.stringify({ status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() })}\n`);
process.exit(0);
