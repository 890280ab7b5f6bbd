// /api/comments with the Supabase store: supabase-js against a loopback PostgREST that answers in
// its documented shape and records what was sent; the session from the auth module's cookie.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sessionCookie } from "../src/auth/session.ts";
import { comments, MAX_BODY } from "../src/handlers/comments.ts";
import { type Recorded, startReceiver } from "./receiver.ts";

const site = "https://site.example";
const secret = "a-test-secret-of-at-least-32-chars!!";
const serviceKey = "service-role-key-for-tests";
const row = { id: 7, entry: "hello-jamstack", body: "<script>alert(1)</script> hi", author_name: "Ada Lovelace", created_at: "2026-12-03T10:00:00+00:00" };
let rest: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  // PostgREST: a list for GET, the inserted row (one object: supabase-js asks for it with .single()) for POST.
  rest = await startReceiver(200, (call: Recorded) => (call.method === "POST" ? { ...row, ...JSON.parse(call.body), id: 8, created_at: "2026-12-03T11:00:00+00:00" } : [row]));
});
afterAll(() => rest?.close());
beforeEach(() => {
  vi.stubEnv("SUPABASE_URL", rest.url);
  vi.stubEnv("SUPABASE_SERVICE_ROLE_KEY", serviceKey);
  vi.stubEnv("AUTH_SECRET", secret);
  rest.calls.length = 0;
});
afterEach(() => vi.unstubAllEnvs());

const signedIn = async () => (await sessionCookie({ id: "auth0|ada", name: "Ada Lovelace" }, secret)).split(";")[0] as string;
const post = async (body: unknown, { cookie = "", origin = site, type = "application/json" } = {}) =>
  comments.handler(new Request(`${site}/api/comments/`, { method: "POST", headers: { cookie, origin, "content-type": type }, body: type === "application/json" ? JSON.stringify(body) : (body as string) }));

describe("/api/comments", () => {
  it("lists a post's comments oldest first through supabase-js, as text fields", async () => {
    const res = await comments.handler(new Request(`${site}/api/comments/?entry=hello-jamstack`));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ configured: true, posting: "signed-in", comments: [{ id: "7", entry: "hello-jamstack", body: row.body, author: "Ada Lovelace", date: row.created_at }] });
    const [call] = rest.calls;
    const url = new URL(call?.url ?? "", rest.url);
    expect(`${call?.method} ${url.pathname}`).toBe("GET /rest/v1/comments");
    expect(Object.fromEntries(url.searchParams)).toEqual({ select: "id,entry,body,author_name,created_at", entry: "eq.hello-jamstack", order: "created_at.asc", limit: "200" });
    expect(call?.headers.apikey).toBe(serviceKey);
    expect(call?.headers.authorization).toBe(`Bearer ${serviceKey}`);
  });

  it("answers an empty, unconfigured list without Supabase's variables, and 400 for a bad entry", async () => {
    vi.stubEnv("SUPABASE_SERVICE_ROLE_KEY", "");
    expect(await (await comments.handler(new Request(`${site}/api/comments/?entry=hello-jamstack`))).json()).toEqual({ comments: [], configured: false, posting: "signed-in" });
    expect((await comments.handler(new Request(`${site}/api/comments/?entry=../x`))).status).toBe(400);
    expect(rest.calls).toEqual([]);
  });

  it("stores a signed-in visitor's comment with the session's user as its author, never the form's", async () => {
    const res = await post({ entry: "hello-jamstack", body: "  Thanks!  ", user_id: "someone-else", author_name: "Mallory" }, { cookie: await signedIn() });
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json()).comment).toMatchObject({ id: "8", body: "Thanks!", author: "Ada Lovelace" });
    const [call] = rest.calls;
    expect(call?.method).toBe("POST");
    expect(JSON.parse(call?.body ?? "{}")).toEqual({ entry: "hello-jamstack", body: "Thanks!", user_id: "auth0|ada", author_name: "Ada Lovelace" });
    expect(call?.headers.prefer).toContain("return=representation");
  });

  it("takes a form post too", async () => {
    const res = await post("entry=hello-jamstack&body=From+a+form", { cookie: await signedIn(), type: "application/x-www-form-urlencoded" });
    expect(res.status).toBe(201);
  });

  it("refuses a post without a session (401), from another origin (403), for no such post (404), empty or too long (400)", async () => {
    const cookie = await signedIn();
    expect((await post({ entry: "hello-jamstack", body: "Hi" })).status).toBe(401);
    expect((await post({ entry: "hello-jamstack", body: "Hi" }, { cookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ entry: "no-such-post", body: "Hi" }, { cookie })).status).toBe(404);
    expect((await post({ entry: "hello-jamstack", body: "   " }, { cookie })).status).toBe(400);
    expect((await post({ entry: "hello-jamstack", body: "x".repeat(MAX_BODY + 1) }, { cookie })).status).toBe(400);
    expect((await post("not json", { cookie, type: "text/plain" })).status).toBe(415);
    expect(rest.calls).toEqual([]);
  });

  it("answers 502 when Supabase fails, naming it in the log only", async () => {
    const down = await startReceiver(500, () => ({ code: "XX000", message: "internal error", details: null, hint: null }));
    vi.stubEnv("SUPABASE_URL", down.url);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await comments.handler(new Request(`${site}/api/comments/?entry=hello-jamstack`));
      expect(res.status).toBe(502);
      expect(await res.text()).not.toContain("internal error");
      expect(log.mock.calls.flat().join(" ")).toContain("Supabase could not read the comments: internal error");
    } finally {
      log.mockRestore();
      await down.close();
    }
  });
});
