// Who may post a comment, by the visitor.ts a stack gets (templates/shared/backend.ts picks it):
// the signed-in visitor with an auth module (packages/functions/src/comments/visitor.ts, tested in
// comments.test.ts), nobody without one, or anyone who gives a name with --anonymous-comments.
// The handler runs against a loopback PostgREST (the Supabase store) that records what it stores.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startPostgrest } from "./postgrest-server.ts";
import { SITEVERIFY_SECRET, startSiteverify, TEST_SECRET } from "./siteverify-server.ts";

const shared = "../../../templates/shared";
const site = "https://site.example";
const serviceKey = "service-role-key-for-tests";
let rest: Awaited<ReturnType<typeof startPostgrest>>;
let siteverify: Awaited<ReturnType<typeof startSiteverify>>;

beforeAll(async () => {
  rest = await startPostgrest(serviceKey);
  siteverify = await startSiteverify();
});
afterAll(async () => {
  await rest?.close();
  await siteverify?.close();
});
/** The Turnstile widget's keys, checked against the loopback siteverify. */
const turnstile = (secret = SITEVERIFY_SECRET) => {
  vi.stubEnv("TURNSTILE_SITE_KEY", "0x4AAAAAAA-site-key");
  vi.stubEnv("TURNSTILE_SECRET_KEY", secret);
  vi.stubEnv("TURNSTILE_SITEVERIFY_URL", siteverify.url);
};
let tokens = 0;
/** A fresh token Turnstile would give for `action` on `host`. */
const tokenFor = (host = "site.example", action = "comment") => `pass:${host}:${action}:${++tokens}`;
beforeEach(() => {
  vi.resetModules();
  vi.stubEnv("SUPABASE_URL", rest.url);
  vi.stubEnv("SUPABASE_SERVICE_ROLE_KEY", serviceKey);
  rest.rows.length = 0;
  rest.calls.length = 0;
});
afterEach(() => {
  vi.doUnmock("../src/comments/visitor.ts");
  vi.unstubAllEnvs();
});

/** The handler as a stack with this visitor.ts has it. */
async function handlerWith(variant: string) {
  // The anonymous stack's visitor.ts names ./anonymous.ts, which it copies in from this package.
  vi.doMock("../src/comments/visitor.ts", () => (variant === "anonymous" ? import("../src/comments/anonymous.ts") : import(`${shared}/files-comments-${variant}/packages/functions/src/comments/visitor.ts`)));
  return (await import("../src/handlers/comments.ts")).comments.handler;
}
const post = (handler: (r: Request) => Promise<Response>, fields: Record<string, string>, type = "application/x-www-form-urlencoded") =>
  handler(new Request(`${site}/api/comments/`, { method: "POST", headers: { origin: site, "content-type": type }, body: type === "application/json" ? JSON.stringify(fields) : new URLSearchParams(fields).toString() }));

describe("who may post a comment", () => {
  it("nobody without an auth module: the list says so, and a post is refused before the store hears of it", async () => {
    const handler = await handlerWith("read-only");
    expect((await (await handler(new Request(`${site}/api/comments/?entry=hello-jamstack`))).json()).posting).toBe("nobody");
    const res = await post(handler, { entry: "hello-jamstack", body: "Hi", name: "Eve", website: "" });
    expect(res.status).toBe(403);
    expect(rest.calls.filter((c) => c.method === "POST")).toEqual([]);
  });

  it("anyone who gives a name and passes Turnstile with --anonymous-comments: stored under that name, as text", async () => {
    turnstile();
    const handler = await handlerWith("anonymous");
    const list = await (await handler(new Request(`${site}/api/comments/?entry=hello-jamstack`))).json();
    expect([list.posting, list.challenge]).toEqual(["anyone", { turnstile: "0x4AAAAAAA-site-key" }]);
    const token = tokenFor();
    siteverify.calls.length = 0;
    const res = await post(handler, { entry: "hello-jamstack", body: "<b>Hi</b>", name: "  Grace  ", website: "", "cf-turnstile-response": token });
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json()).comment).toMatchObject({ author: "Grace", body: "<b>Hi</b>" });
    expect(rest.rows.map((r) => [r.entry, r.user_id, r.author_name, r.body])).toEqual([["hello-jamstack", "anonymous", "Grace", "<b>Hi</b>"]]);
    // What siteverify received: the secret, the token, the visitor's address, an idempotency key.
    const sent = Object.fromEntries(new URLSearchParams(siteverify.calls[0]?.body));
    expect(sent).toMatchObject({ secret: SITEVERIFY_SECRET, response: token, remoteip: "unknown" });
    expect(sent.idempotency_key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses an anonymous post whose challenge is missing, failed, replayed, for another action or another site, before the store hears of it", async () => {
    turnstile();
    const handler = await handlerWith("anonymous");
    const base = { entry: "hello-jamstack", body: "Hi", name: "Eve", website: "" };
    const send = (token?: string) => post(handler, token === undefined ? base : { ...base, "cf-turnstile-response": token });
    expect((await send()).status).toBe(400);
    expect((await send("not-a-pass")).status).toBe(403);
    expect((await send(tokenFor("site.example", "login"))).status).toBe(403);
    expect((await send(tokenFor("evil.example"))).status).toBe(403);
    const once = tokenFor();
    expect((await send(once)).status).toBe(201);
    expect((await send(once)).status).toBe(403);
    expect(rest.rows).toHaveLength(1);
  });

  it("answers 503 to anonymous posts until Turnstile's keys are set, and takes Cloudflare's test keys on localhost only", async () => {
    const handler = await handlerWith("anonymous");
    const base = { entry: "hello-jamstack", body: "Hi", name: "Eve", website: "", "cf-turnstile-response": "XXXX.DUMMY.TOKEN.XXXX" };
    expect((await post(handler, base)).status).toBe(503);
    expect((await (await handler(new Request(`${site}/api/comments/?entry=hello-jamstack`))).json()).challenge).toBeUndefined();
    turnstile(TEST_SECRET);
    expect((await post(handler, base)).status).toBe(503);
    const local = await handler(new Request("http://localhost:8888/api/comments/", { method: "POST", headers: { origin: "http://localhost:8888", "content-type": "application/json" }, body: JSON.stringify(base) }));
    expect(local.status, await local.clone().text()).toBe(201);
    expect(rest.rows).toHaveLength(1);
  });

  it("refuses an anonymous post without a name, with a name too long, with the hidden field filled in, or from another origin", async () => {
    turnstile();
    const handler = await handlerWith("anonymous");
    const base = { entry: "hello-jamstack", body: "Hi", website: "" };
    expect((await post(handler, { ...base, name: "  " })).status).toBe(400);
    expect((await post(handler, { ...base, name: "x".repeat(81) })).status).toBe(400);
    expect((await post(handler, { ...base, name: "Bot", website: "https://spam.example" })).status).toBe(400);
    // A bot that skips the hidden field (a JSON post without it) is refused too.
    expect((await post(handler, { entry: "hello-jamstack", body: "Hi", name: "Bot" }, "application/json")).status).toBe(400);
    const foreign = await handler(new Request(`${site}/api/comments/`, { method: "POST", headers: { origin: "https://evil.example", "content-type": "application/json" }, body: JSON.stringify({ ...base, name: "Eve" }) }));
    expect(foreign.status).toBe(403);
    expect(rest.rows).toEqual([]);
  });
});
