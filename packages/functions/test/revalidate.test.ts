// POST /api/revalidate through the router: verified calls refresh, refused ones trigger nothing.
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { afterEach, describe, expect, it, vi } from "vitest";
import { handle, renderedOnRequest } from "../src/index.ts";
import { startReceiver } from "./receiver.ts";

const secret = "sanity-secret-0123456789";
const body = JSON.stringify({ _type: "post", slug: "hello-jamstack" });
const webhook = async (payload = body, key = secret) =>
  new Request("https://site.example/api/revalidate", { method: "POST", body: payload, headers: { [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(payload, Date.now(), key) } });

afterEach(() => vi.unstubAllEnvs());
vi.spyOn(console, "warn").mockImplementation(() => {});
vi.spyOn(console, "error").mockImplementation(() => {});

describe("POST /api/revalidate", () => {
  it("in a hybrid mount, revalidates the post's page and the home page", async () => {
    vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
    const revalidate = vi.fn(async () => {});
    const res = await handle(await webhook(), { revalidate });
    expect(res.status).toBe(200);
    expect(revalidate).toHaveBeenCalledExactlyOnceWith(["/", "/posts/hello-jamstack/"], expect.any(Request));
  });

  it("revalidates what shows each kind of content: a post and the home page, a page, a product and /products/", async () => {
    vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
    const revalidate = vi.fn(async () => {});
    for (const payload of [{ _type: "page", slug: "about" }, { _type: "product", slug: "jam-jar-mug" }]) await handle(await webhook(JSON.stringify(payload)), { revalidate });
    expect(revalidate.mock.calls.map(([paths]) => paths)).toEqual([["/about/"], ["/products/", "/products/jam-jar-mug/"]]);
    // A hybrid Astro, SvelteKit or Nuxt site pre-renders product pages and /products/: a deploy, not a purge.
    const hook = await startReceiver();
    try {
      vi.stubEnv("NETLIFY_BUILD_HOOK_URL", hook.url);
      const onHost = vi.fn(async () => {});
      const res = await handle(await webhook(JSON.stringify({ _type: "product", slug: "jam-jar-mug" })), { ...renderedOnRequest, revalidate: onHost });
      expect(await res.json()).toEqual({ rebuilding: ["Netlify"] });
      expect(onHost).not.toHaveBeenCalled();
      expect(hook.calls).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });

  it("in a static mount, POSTs each configured deploy hook once", async () => {
    const vercel = await startReceiver();
    const netlify = await startReceiver();
    const cloudflare = await startReceiver();
    try {
      vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
      vi.stubEnv("VERCEL_DEPLOY_HOOK_URL", `${vercel.url}/v1/integrations/deploy/prj_1/hook`);
      vi.stubEnv("NETLIFY_BUILD_HOOK_URL", `${netlify.url}/build_hooks/abc`);
      vi.stubEnv("CLOUDFLARE_DEPLOY_HOOK_URL", `${cloudflare.url}/client/v4/workers/builds/deploy_hooks/dh_1`);
      const res = await handle(await webhook());
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ rebuilding: ["Vercel", "Netlify", "Cloudflare"] });
      expect(vercel.calls.map((c) => `${c.method} ${c.url}`)).toEqual(["POST /v1/integrations/deploy/prj_1/hook"]);
      expect(netlify.calls.map((c) => `${c.method} ${c.url}`)).toEqual(["POST /build_hooks/abc"]);
      expect(cloudflare.calls.map((c) => `${c.method} ${c.url}`)).toEqual(["POST /client/v4/workers/builds/deploy_hooks/dh_1"]);
    } finally {
      await vercel.close();
      await netlify.close();
      await cloudflare.close();
    }
  });

  it("refuses a bad signature with 401 and calls no hook", async () => {
    const hook = await startReceiver();
    try {
      vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
      vi.stubEnv("NETLIFY_BUILD_HOOK_URL", hook.url);
      const revalidate = vi.fn(async () => {});
      expect((await handle(await webhook(body, "wrong"))).status).toBe(401);
      expect((await handle(await webhook(body, "wrong"), { revalidate })).status).toBe(401);
      expect(hook.calls).toHaveLength(0);
      expect(revalidate).not.toHaveBeenCalled();
    } finally {
      await hook.close();
    }
  });

  it("says so when a static site has no deploy hook (503), and when the hook fails (502)", async () => {
    vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
    expect((await handle(await webhook())).status).toBe(503);
    const failing = await startReceiver(500);
    try {
      vi.stubEnv("VERCEL_DEPLOY_HOOK_URL", failing.url);
      expect((await handle(await webhook())).status).toBe(502);
      expect(failing.calls).toHaveLength(1);
    } finally {
      await failing.close();
    }
  });
});

describe("a hybrid Astro, SvelteKit or Nuxt site's revalidation on its host", () => {
  const signedOn = async (origin: string) =>
    new Request(`${origin}/api/revalidate`, { method: "POST", body, headers: { [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, Date.now(), secret) } });

  it("on Vercel, asks for each page again with the ISR bypass token, on the site's own origin", async () => {
    const site = await startReceiver();
    try {
      vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
      vi.stubEnv("VERCEL", "1");
      vi.stubEnv("VERCEL_BYPASS_TOKEN", "b".repeat(32));
      const res = await handle(await signedOn(site.url), renderedOnRequest);
      expect(res.status).toBe(200);
      expect(site.calls.map((c) => [c.method, c.url, c.headers["x-prerender-revalidate"]])).toEqual([["HEAD", "/posts/hello-jamstack/", "b".repeat(32)]]);
    } finally {
      await site.close();
    }
  });

  it("on Vercel without a bypass token, answers 502 (the CMS retries) and says which variable", async () => {
    vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
    vi.stubEnv("VERCEL", "1");
    const error = vi.spyOn(console, "error");
    expect((await handle(await signedOn("https://site.example"), renderedOnRequest)).status).toBe(502);
    expect(error).toHaveBeenCalledWith(expect.stringContaining("VERCEL_BYPASS_TOKEN is not set"));
  });

  it("on Netlify, purges the pages' cache tags through @netlify/functions", async () => {
    const api = await startReceiver();
    try {
      vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
      vi.stubEnv("NETLIFY_PURGE_API_TOKEN", "purge-token");
      vi.stubEnv("SITE_ID", "site-1");
      vi.stubEnv("NETLIFY_PURGE_API_URL", api.url);
      expect((await handle(await signedOn("https://site.example"), renderedOnRequest)).status).toBe(200);
      expect(api.calls.map((c) => [c.method, c.url, c.headers.authorization])).toEqual([["POST", "/api/v1/purge", "Bearer purge-token"]]);
      expect(JSON.parse(api.calls[0]?.body ?? "")).toEqual({ cache_tags: ["posts-hello-jamstack"], site_id: "site-1" });
    } finally {
      await api.close();
    }
  });

  it("redeploys for the pre-rendered home page through the deploy hook, beside the purge", async () => {
    const site = await startReceiver();
    const hook = await startReceiver();
    try {
      vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
      vi.stubEnv("VERCEL", "1");
      vi.stubEnv("VERCEL_BYPASS_TOKEN", "b".repeat(32));
      vi.stubEnv("VERCEL_DEPLOY_HOOK_URL", `${hook.url}/v1/integrations/deploy/prj_1/hook`);
      const res = await handle(await signedOn(site.url), renderedOnRequest);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ revalidated: ["/posts/hello-jamstack/"], rebuilding: ["Vercel"] });
      expect(site.calls.map((c) => c.url)).toEqual(["/posts/hello-jamstack/"]);
      expect(hook.calls.map((c) => `${c.method} ${c.url}`)).toEqual(["POST /v1/integrations/deploy/prj_1/hook"]);
    } finally {
      await site.close();
      await hook.close();
    }
  });

  it("without a deploy hook, says which pre-rendered pages wait for the next deploy", async () => {
    vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const res = await handle(await signedOn("https://site.example"), renderedOnRequest);
    expect(await res.json()).toEqual({ revalidated: ["/posts/hello-jamstack/"], stale: ["/"] });
    expect(log).toHaveBeenCalledWith(expect.stringContaining("/ are pre-rendered and change with the next deploy; set VERCEL_DEPLOY_HOOK_URL or NETLIFY_BUILD_HOOK_URL or CLOUDFLARE_DEPLOY_HOOK_URL"));
  });

  it("elsewhere (a Node server) has no copies to drop, and calls nothing", async () => {
    vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    expect((await handle(await signedOn("https://site.example"), renderedOnRequest)).status).toBe(200);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("expire within 60 s"));
  });
});
