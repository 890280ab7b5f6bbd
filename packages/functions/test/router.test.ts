import { describe, expect, it } from "vitest";
import { handle } from "../src/index.ts";
import { DEFAULT_MAX_BODY } from "../src/body-limit.ts";
import { createRouter } from "../src/router.ts";
import { API_HEADERS } from "../src/headers.ts";

const url = (path: string) => `https://site.example${path}`;

describe("the router", () => {
  it("serves /api/entries with the posts as JSON, with or without a trailing slash", async () => {
    for (const path of ["/api/entries", "/api/entries/"]) {
      const res = await handle(new Request(url(path)));
      expect(res.status).toBe(200);
      const titles = ((await res.json()) as { title: string }[]).map((e) => e.title);
      expect(titles).toEqual(["Hello, JAMstack", "Writing in Markdown", "Deploy on the first push"]);
    }
  });

  it("answers 404 for an unknown path and 405 with Allow for a wrong method", async () => {
    expect((await handle(new Request(url("/api/nope")))).status).toBe(404);
    const res = await handle(new Request(url("/api/entries"), { method: "DELETE" }));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    expect((await handle(new Request(url("/api/revalidate")))).status).toBe(405);
  });

  it("answers 500 without details when a handler throws", async () => {
    const boom = createRouter({ "/api/x": { methods: ["GET"], handler: async () => { throw new Error("secret detail"); } } });
    const res = await boom(new Request(url("/api/x")));
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("secret detail");
  });
});

describe("the security headers", () => {
  const site = createRouter({
    "/api/json": { methods: ["GET"], handler: async () => Response.json({ ok: true }) },
    // Response.redirect's headers are immutable: the router must copy, not set.
    "/api/go": { methods: ["POST"], handler: async () => Response.redirect("https://checkout.stripe.com/c/pay/x", 303) },
    "/api/page": { methods: ["GET"], handler: async () => new Response("<p>hi</p>", { headers: { "content-type": "text/html", "content-security-policy": "default-src 'self'" } }) },
    "/api/boom": { methods: ["GET"], handler: async () => { throw new Error("x"); } },
  });
  const expectAll = (res: Response, except: string[] = []) => {
    for (const [name, value] of Object.entries(API_HEADERS)) if (!except.includes(name)) expect(res.headers.get(name), name).toBe(value);
  };

  it("are on every answer: a handler's, a redirect, 404, 405, 413 and 500", async () => {
    const json = await site(new Request(url("/api/json")));
    expectAll(json);
    expect(await json.json()).toEqual({ ok: true });
    const go = await site(new Request(url("/api/go"), { method: "POST" }));
    expect(go.status).toBe(303);
    expect(go.headers.get("location")).toBe("https://checkout.stripe.com/c/pay/x");
    expectAll(go);
    expectAll(await site(new Request(url("/api/nope"))));
    expectAll(await site(new Request(url("/api/json"), { method: "DELETE" })));
    expectAll(await site(new Request(url("/api/boom"))));
    expectAll(await site(new Request(url("/api/go"), { method: "POST", body: "x".repeat(DEFAULT_MAX_BODY + 1) })));
    expectAll(await handle(new Request(url("/api/entries"))));
  });

  it("forbid framing and everything else an API answer never needs", () => {
    expect(API_HEADERS["content-security-policy"]).toMatch(/default-src 'none'/);
    expect(API_HEADERS["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(API_HEADERS["x-content-type-options"]).toBe("nosniff");
  });

  it("keep a header the handler set", async () => {
    const page = await site(new Request(url("/api/page")));
    expect(page.headers.get("content-security-policy")).toBe("default-src 'self'");
    expectAll(page, ["content-security-policy"]);
    expect(await page.text()).toBe("<p>hi</p>");
  });
});

describe("the body cap", () => {
  const echo = createRouter({
    "/api/small": { methods: ["POST"], handler: async (r) => new Response(String((await r.arrayBuffer()).byteLength)) },
    "/api/large": { methods: ["POST"], maxBody: 1024 * 1024, handler: async (r) => new Response(String((await r.arrayBuffer()).byteLength)) },
    "/api/get": { methods: ["GET"], handler: async () => new Response("ok") },
  });
  let pulled = 0;
  /** A chunked body of `size` bytes with no Content-Length, counting what the router pulls. */
  const stream = (size: number, chunk = 16 * 1024) => {
    pulled = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= size) return controller.close();
        const n = Math.min(chunk, size - pulled);
        pulled += n;
        controller.enqueue(new Uint8Array(n).fill(120));
      },
    });
  };
  const postTo = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
    echo(new Request(url(path), { method: "POST", body, headers, duplex: "half" } as RequestInit));

  it("passes a body within the route's cap to its handler, whole", async () => {
    expect(await (await postTo("/api/small", "x".repeat(DEFAULT_MAX_BODY))).text()).toBe(String(DEFAULT_MAX_BODY));
    expect(await (await postTo("/api/small", stream(40_000))).text()).toBe("40000");
    expect(await (await postTo("/api/large", stream(900_000))).text()).toBe("900000");
    expect((await echo(new Request(url("/api/get")))).status).toBe(200);
  });

  it("answers 413 for a declared length over the cap without reading it, and for a longer chunked body having read no more than the cap", async () => {
    const declared = await postTo("/api/small", stream(10 * 1024 * 1024), { "content-length": String(10 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(64 * 1024);
    const chunked = await postTo("/api/small", stream(10 * 1024 * 1024));
    expect(chunked.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(DEFAULT_MAX_BODY + 2 * 16 * 1024);
    expect((await postTo("/api/large", stream(2 * 1024 * 1024))).status).toBe(413);
  });

  it("caps every route of the site's router, webhooks included, before any check", async () => {
    expect((await handle(new Request(url("/api/revalidate"), { method: "POST", body: stream(3 * 1024 * 1024), duplex: "half" } as RequestInit))).status).toBe(413);
  });
});
