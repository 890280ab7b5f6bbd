// Each content source's webhook check, fed requests signed the way the source signs them: with the
// provider's own helper where one exists (@sanity/webhook, @contentful/node-apps-toolkit), else by
// the documented algorithm (Notion's HMAC of the raw body, Strapi's configured header).
import { signRequest } from "@contentful/node-apps-toolkit/requests";
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as contentful from "../src/webhooks/contentful.ts";
import * as notion from "../src/webhooks/notion.ts";
import * as sanity from "../src/webhooks/sanity.ts";
import * as strapi from "../src/webhooks/strapi.ts";
import type { Verified } from "../src/webhooks/verified.ts";

const endpoint = "https://site.example/api/revalidate";
const post = (body: string, headers: Record<string, string>) => new Request(endpoint, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
const check = async (m: { verify: (r: Request, b: string) => Promise<Verified> }, req: Request) => m.verify(req, await req.clone().text());
const status = (v: Verified) => ("response" in v ? v.response.status : 200);

afterEach(() => vi.unstubAllEnvs());
vi.spyOn(console, "warn").mockImplementation(() => {});

describe("Sanity webhooks", () => {
  const secret = "sanity-secret-0123456789";
  const body = JSON.stringify({ _type: "post", slug: "hello-jamstack" });
  const signed = async (payload: string, at = Date.now(), key = secret) => post(payload, { [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(payload, at, key) });

  it("accepts a fresh signature and names the changed post", async () => {
    vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
    expect(await check(sanity, await signed(body))).toEqual({ changes: [{ collection: "posts", slug: "hello-jamstack" }] });
  });

  it("names a changed product (a commerce stack's type), and nothing for a type the site does not show", async () => {
    vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
    const product = JSON.stringify({ _type: "product", slug: "jam-jar-mug" });
    expect(await check(sanity, await signed(product))).toEqual({ changes: [{ collection: "products", slug: "jam-jar-mug" }] });
    const other = JSON.stringify({ _type: "sanity.imageAsset", slug: null });
    expect(await check(sanity, await signed(other))).toEqual({ changes: [] });
    const inherited = JSON.stringify({ _type: "constructor", slug: "x" });
    expect(await check(sanity, await signed(inherited))).toEqual({ changes: [] });
  });

  it("refuses a tampered body, a wrong secret, a stale timestamp, no header, no configured secret", async () => {
    vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
    const good = await signed(body);
    const tampered = post(body.replace("hello", "bye"), Object.fromEntries(good.headers));
    expect(status(await check(sanity, tampered))).toBe(401);
    expect(status(await check(sanity, await signed(body, Date.now(), "wrong")))).toBe(401);
    expect(status(await check(sanity, await signed(body, Date.now() - sanity.REPLAY_WINDOW_MS - 1000)))).toBe(401);
    expect(status(await check(sanity, post(body, {})))).toBe(401);
    expect(status(await check(sanity, post(body, { [SIGNATURE_HEADER_NAME]: "garbage" })))).toBe(401);
    vi.stubEnv("SANITY_REVALIDATE_SECRET", "");
    expect(status(await check(sanity, await signed(body)))).toBe(401);
  });
});

describe("Contentful webhooks", () => {
  const secret = "a".repeat(32) + "B".repeat(32);
  const entry = { sys: { type: "Entry", id: "1", contentType: { sys: { id: "page" } } }, fields: { slug: { "en-US": "about" } } };
  const body = JSON.stringify(entry);
  const signed = (payload: string, at = Date.now(), key = secret) => {
    const headers = { "content-type": "application/json", "x-contentful-topic": "ContentManagement.Entry.publish" };
    const signature = signRequest(key, { method: "POST", path: "/api/revalidate", headers, body: payload }, at);
    return post(payload, { ...headers, ...signature });
  };

  it("accepts a request signed with the space's secret and names the changed page", async () => {
    vi.stubEnv("CONTENTFUL_WEBHOOK_SECRET", secret);
    expect(await check(contentful, signed(body))).toEqual({ changes: [{ collection: "pages", slug: "about" }] });
    const product = JSON.stringify({ sys: { type: "Entry", id: "2", contentType: { sys: { id: "product" } } }, fields: { slug: { "en-US": "jam-jar-mug" } } });
    expect(await check(contentful, signed(product))).toEqual({ changes: [{ collection: "products", slug: "jam-jar-mug" }] });
  });

  it("refuses a tampered body, a wrong secret, an expired signature and a missing one", async () => {
    vi.stubEnv("CONTENTFUL_WEBHOOK_SECRET", secret);
    const good = signed(body);
    expect(status(await check(contentful, post(body.replace("about", "other"), Object.fromEntries(good.headers))))).toBe(401);
    expect(status(await check(contentful, signed(body, Date.now(), "b".repeat(64))))).toBe(401);
    expect(status(await check(contentful, signed(body, Date.now() - 60_000)))).toBe(401);
    expect(status(await check(contentful, post(body, {})))).toBe(401);
  });
});

describe("Strapi webhooks", () => {
  const body = JSON.stringify({ event: "entry.publish", model: "post", entry: { id: 1, slug: "hello-jamstack" } });

  it("accepts the configured Authorization header", async () => {
    vi.stubEnv("STRAPI_WEBHOOK_SECRET", "strapi-secret");
    expect(await check(strapi, post(body, { authorization: "Bearer strapi-secret" }))).toEqual({ changes: [{ collection: "posts", slug: "hello-jamstack" }] });
    const product = JSON.stringify({ event: "entry.update", model: "product", entry: { id: 3, slug: "jam-jar-mug", price: 2000 } });
    expect(await check(strapi, post(product, { authorization: "Bearer strapi-secret" }))).toEqual({ changes: [{ collection: "products", slug: "jam-jar-mug" }] });
  });

  it("refuses a wrong, partial or missing header, and any header when no secret is set", async () => {
    vi.stubEnv("STRAPI_WEBHOOK_SECRET", "strapi-secret");
    for (const headers of [{ authorization: "Bearer nope" }, { authorization: "Bearer strapi-secre" }, { authorization: "strapi-secret" }, {}]) {
      expect(status(await check(strapi, post(body, headers))), JSON.stringify(headers)).toBe(401);
    }
    vi.stubEnv("STRAPI_WEBHOOK_SECRET", "");
    expect(status(await check(strapi, post(body, { authorization: "Bearer " })))).toBe(401);
  });
});

describe("Notion webhooks", () => {
  const token = "secret_notion_verification";
  const body = JSON.stringify({ type: "page.content_updated", entity: { id: "p1", type: "page" } });
  const sign = (payload: string, key = token) => `sha256=${createHmac("sha256", key).update(payload).digest("hex")}`;

  it("answers the unsigned verification handshake, logs the token and triggers nothing", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const v = await check(notion, post(JSON.stringify({ verification_token: token }), {}));
    expect(status(v)).toBe(200);
    expect("changes" in v).toBe(false);
    expect(log.mock.calls.flat().join(" ")).toContain(token);
  });

  it("refuses the unsigned handshake once NOTION_WEBHOOK_SECRET is set, and a token not of Notion's shape, logging none of it", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.stubEnv("NOTION_WEBHOOK_SECRET", token);
    expect(status(await check(notion, post(JSON.stringify({ verification_token: "secret_attacker_chosen_token" }), {})))).toBe(401);
    vi.unstubAllEnvs();
    const forged = "x\nrevalidate: all good, NOTION_WEBHOOK_SECRET=secret_attacker";
    for (const bad of [forged, "secret_short", 42, `secret_${"a".repeat(300)}`]) {
      expect(status(await check(notion, post(JSON.stringify({ verification_token: bad }), {})))).toBe(401);
    }
    expect([...log.mock.calls, ...warn.mock.calls].flat().join(" ")).not.toMatch(/attacker|all good|secret_short/);
  });

  it("accepts a signed event and refreshes every entry", async () => {
    vi.stubEnv("NOTION_WEBHOOK_SECRET", token);
    expect(await check(notion, post(body, { "x-notion-signature": sign(body) }))).toEqual({ changes: [{ collection: "posts" }, { collection: "pages" }] });
  });

  it("refuses a tampered body, a wrong token, a missing signature", async () => {
    vi.stubEnv("NOTION_WEBHOOK_SECRET", token);
    expect(status(await check(notion, post(body.replace("p1", "p2"), { "x-notion-signature": sign(body) })))).toBe(401);
    expect(status(await check(notion, post(body, { "x-notion-signature": sign(body, "other") })))).toBe(401);
    expect(status(await check(notion, post(body, {})))).toBe(401);
  });
});
