// A loopback PostgREST holding one table, `comments`, in memory, in PostgREST's documented shape:
// GET /rest/v1/comments?select=…&entry=eq.<slug>&order=created_at.asc&limit=N answers the rows,
// POST /rest/v1/comments (Prefer: return=representation) stores one and answers it (one object
// when the Accept header asks for application/vnd.pgrst.object+json, as supabase-js's .single()).
// It asks for the service-role key, and records every request for the test to assert.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface Row {
  id: number;
  entry: string;
  body: string;
  user_id: string;
  author_name: string;
  created_at: string;
}

export async function startPostgrest(serviceKey: string) {
  const rows: Row[] = [];
  const calls: { method: string; url: string; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      calls.push({ method: req.method ?? "", url: req.url ?? "", body });
      const url = new URL(req.url ?? "/", "http://postgrest");
      const json = (status: number, value: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
      if (req.headers.apikey !== serviceKey) return json(401, { code: "PGRST301", message: "No suitable key or wrong key type", details: null, hint: null });
      if (url.pathname !== "/rest/v1/comments") return json(404, { code: "PGRST205", message: `Could not find the table '${url.pathname}' in the schema cache`, details: null, hint: null });
      const columns = (url.searchParams.get("select") ?? "*").split(",");
      const pick = (r: Row) => (columns[0] === "*" ? r : Object.fromEntries(columns.map((c) => [c, r[c as keyof Row]])));
      if (req.method === "GET") {
        const entry = url.searchParams.get("entry")?.replace(/^eq\./, "");
        const limit = Number(url.searchParams.get("limit") ?? 1000);
        return json(200, rows.filter((r) => r.entry === entry).sort((a, b) => a.created_at.localeCompare(b.created_at)).slice(0, limit).map(pick));
      }
      if (req.method === "POST") {
        const given = JSON.parse(body) as Omit<Row, "id" | "created_at">;
        const row: Row = { ...given, id: rows.length + 1, created_at: new Date(Date.now() + rows.length).toISOString() };
        rows.push(row);
        const one = (req.headers.accept ?? "").includes("vnd.pgrst.object");
        return json(201, one ? pick(row) : [pick(row)]);
      }
      return json(405, { message: "method not allowed" });
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, rows, calls, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
