// A loopback server answering as Algolia's search API does, for the calls the index step
// (replaceAllObjects: copy, batch, task waits, move) and the search box (queries) make. It keeps
// the records per index, so a search finds what the index step sent, and records every request.
// CORS is open: the search box calls it from the site's origin in Chromium.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface AlgoliaCall {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

type Record_ = Record<string, unknown> & { objectID: string };

export async function startAlgolia() {
  const calls: AlgoliaCall[] = [];
  const indexes = new Map<string, Record_[]>();
  const settings = new Map<string, Record<string, unknown>>();
  let task = 0;
  const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "*", "access-control-allow-methods": "GET, POST, PUT, DELETE, OPTIONS" };
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      if (req.method === "OPTIONS") return res.writeHead(204, cors).end();
      const body = raw ? JSON.parse(raw) : undefined;
      calls.push({ method: req.method ?? "", path: url.pathname, headers: req.headers, body });
      const reply = (status: number, value: unknown) => res.writeHead(status, { ...cors, "content-type": "application/json" }).end(JSON.stringify(value));
      const [, v, kind, name, action, id] = url.pathname.split("/").map(decodeURIComponent);
      if (v !== "1" || kind !== "indexes") return reply(404, { message: "not found", status: 404 });
      if (name === "*" && action === "queries" && req.method === "POST") {
        return reply(200, {
          results: (body.requests as { indexName: string; query?: string; params?: string }[]).map((r) => {
            const query = (r.query ?? new URLSearchParams(r.params ?? "").get("query") ?? "").toLowerCase();
            const hits = (indexes.get(r.indexName) ?? []).filter((h) => JSON.stringify(h).toLowerCase().includes(query));
            return { hits, nbHits: hits.length, page: 0, nbPages: 1, hitsPerPage: 20, processingTimeMS: 1, query, params: "", exhaustiveNbHits: true, index: r.indexName };
          }),
        });
      }
      if (action === "operation" && req.method === "POST") {
        const from = indexes.get(name ?? "") ?? [];
        // A copy with a scope copies settings, rules or synonyms only, not records (replaceAllObjects' copies).
        if (body.operation === "copy" && !body.scope) indexes.set(body.destination, [...from]);
        if (body.operation === "copy" && (!body.scope || body.scope.includes("settings")) && settings.has(name ?? "")) settings.set(body.destination, { ...settings.get(name ?? "") });
        if (body.operation === "move") {
          indexes.set(body.destination, from);
          indexes.delete(name ?? "");
          // A move carries the source's settings over the destination's.
          settings.set(body.destination, settings.get(name ?? "") ?? {});
          settings.delete(name ?? "");
        }
        return reply(200, { taskID: ++task, updatedAt: new Date().toISOString() });
      }
      if (action === "batch" && req.method === "POST") {
        const list = indexes.get(name ?? "") ?? [];
        for (const r of body.requests as { action: string; body: Record_ }[]) if (r.action === "addObject" || r.action === "updateObject") list.push(r.body);
        indexes.set(name ?? "", list);
        return reply(200, { taskID: ++task, objectIDs: (body.requests as { body: Record_ }[]).map((r) => r.body.objectID) });
      }
      if (action === "settings" && req.method === "PUT") {
        settings.set(name ?? "", { ...settings.get(name ?? ""), ...body });
        if (!indexes.has(name ?? "")) indexes.set(name ?? "", []);
        return reply(200, { taskID: ++task, updatedAt: new Date().toISOString() });
      }
      if (action === "settings" && req.method === "GET") return reply(200, settings.get(name ?? "") ?? {});
      if (action === "task" && id && req.method === "GET") return reply(200, { status: "published", pendingTask: false });
      if (!action && req.method === "DELETE") {
        indexes.delete(name ?? "");
        return reply(200, { taskID: ++task, deletedAt: new Date().toISOString() });
      }
      return reply(404, { message: `no route ${req.method} ${url.pathname}`, status: 404 });
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { host, calls, indexes, settings, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
