// Who may post a comment, by the visitor.ts a stack gets (templates/shared/backend.ts picks it):
// the signed-in visitor with an auth module (packages/functions/src/comments/visitor.ts, tested in
// comments.test.ts), nobody without one, or anyone who gives a name with --anonymous-comments.
// The handler runs against a loopback PostgREST (the Supabase store) that records what it stores.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startPostgrest } from "./postgrest-server.ts";

const shared = "../../../templates/shared";
const site = "https://site.example";
const serviceKey = "service-role-key-for-tests";
let rest: Awaited<ReturnType<typeof startPostgrest>>;

beforeAll(async () => {
  rest = await startPostgrest(serviceKey);
});
afterAll(() => rest?.close());
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
  vi.doMock("../src/comments/visitor.ts", () => import(`${shared}/files-comments-${variant}/packages/functions/src/comments/visitor.ts`));
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

  it("anyone who gives a name with --anonymous-comments: stored under that name, as text", async () => {
    const handler = await handlerWith("anonymous");
    expect((await (await handler(new Request(`${site}/api/comments/?entry=hello-jamstack`))).json()).posting).toBe("anyone");
    const res = await post(handler, { entry: "hello-jamstack", body: "<b>Hi</b>", name: "  Grace  ", website: "" });
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json()).comment).toMatchObject({ author: "Grace", body: "<b>Hi</b>" });
    expect(rest.rows.map((r) => [r.entry, r.user_id, r.author_name, r.body])).toEqual([["hello-jamstack", "anonymous", "Grace", "<b>Hi</b>"]]);
  });

  it("refuses an anonymous post without a name, with a name too long, with the hidden field filled in, or from another origin", async () => {
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
