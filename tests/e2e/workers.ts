// A hybrid site on Cloudflare, as Workers Builds builds it (WORKERS_CI: the framework's Cloudflare
// adapter) and as wrangler dev runs it in workerd, offline: hybrid.test.ts runs it in the hybrid
// stacks Workers can run, cloudflare.test.ts in a stack of its own for the other hybrid frameworks.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { registry } from "../../create-jam/src/engine/registry.ts";
import { findModule } from "../../create-jam/src/engine/stack.ts";
import { checkSite } from "./browser.ts";
import { buyInBrowser, checkoutForm, type Provider, sellingEnv, startStripeApi } from "./commerce.ts";
import { demoPosts, pnpmWith } from "./helpers.ts";
import { expectNotFramed, expectPageHeaders } from "./security.ts";
import { serveOnWorkers } from "./serve.ts";

/** `env`: the build's and the Worker's variables besides the provider's (a search index's keys). */
export async function expectHybridOnWorkers(site: string, { framework, commerce, search, env = {} }: { framework: string; commerce: Provider; search: string; env?: Record<string, string> }) {
  // With the provider's key: its product pages (pre-rendered) carry the real control.
  await pnpmWith({ ...sellingEnv[commerce], ...env, WORKERS_CI: "1" }, site, "build");
  // The Worker's static files, as the Cloudflare module's part for the framework names them.
  const assets = findModule(registry, "deploy", "cloudflare")?.when?.find((w) => w.with.includes(`framework:${framework}`))?.data?.worker as { assets: string };
  if (framework === "next") {
    // Next.js pre-renders every page into OpenNext's cache (which the preview puts in R2); the
    // assets are its scripts and public/ (Pagefind's index).
    expect(readdirSync(join(site, "apps/web/.open-next/cache"), { recursive: true })).toContainEqual(expect.stringMatching(/posts[/\\]hello-jamstack\.cache$/));
    expect(existsSync(join(site, "apps/web", assets.assets, "_next/static"))).toBe(true);
  } else {
    // The post pages are the Worker's, rendered on request: no file of the build holds them.
    expect(existsSync(join(site, "apps/web", assets.assets, "index.html"))).toBe(true);
    expect(existsSync(join(site, "apps/web", assets.assets, "posts/hello-jamstack/index.html"))).toBe(false);
  }
  const stripe = commerce === "stripe" ? await startStripeApi() : undefined;
  const server = await serveOnWorkers(site, { vars: { ...env, ...(stripe ? { ...sellingEnv.stripe, STRIPE_API_URL: stripe.url } : {}) } });
  try {
    await checkSite(server.url, { titles: demoPosts, entry: { title: "Hello, JAMstack", phrase: "served as plain HTML from a CDN" }, ...(search === "pagefind" ? { search: { path: "/search/", query: "jamstack" } } : {}) });
    const post = await fetch(`${server.url}/posts/hello-jamstack/`);
    expect(post.status).toBe(200);
    expect(await post.clone().text()).toContain("Hello, JAMstack");
    // Cloudflare's `_headers` reach static assets only: the Worker's page carries the framework
    // server's own headers (packages/security's hook), and is framed by no one.
    await expectPageHeaders(post, { meta: framework !== "next" });
    await expectNotFramed(`${server.url}/posts/hello-jamstack/`, "Hello, JAMstack");
    const entries = await fetch(`${server.url}/api/entries/`);
    expect(entries.status).toBe(200);
    expect(entries.headers.get("content-type")).toMatch(/application\/json/);
    expect(((await entries.json()) as { title: string }[]).map((e) => e.title)).toEqual(expect.arrayContaining(demoPosts));
    expect((await fetch(`${server.url}/no-such-page/`)).status).toBe(404);
    if (!stripe) return;
    // Checkout through the framework's own route in the Worker, with the Worker's secret.
    await buyInBrowser(`${server.url}/products/jam-jar-mug/`, stripe.sessionUrl);
    const sessions = () => stripe.calls.filter((c) => c.method === "POST" && c.url === "/v1/checkout/sessions");
    expect(sessions()).toHaveLength(1);
    expect(sessions()[0]?.headers.authorization).toBe(`Bearer ${sellingEnv.stripe.STRIPE_SECRET_KEY}`);
    expect((await fetch(`${server.url}/api/checkout/`, { ...checkoutForm("jam-jar-mug", "https://evil.example"), redirect: "manual" })).status).toBe(403);
    expect(sessions()).toHaveLength(1);
  } finally {
    await server.close();
    await stripe?.close();
  }
}
