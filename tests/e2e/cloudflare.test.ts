// Cloudflare for real, offline: what frameworks.test.ts and hybrid.test.ts cannot run there. Their
// Hugo site and some hybrid ones have the Firebase modules, which Workers cannot run (the module
// refuses them), so a Hugo site selling with Stripe is generated here, built, packaged by
// `wrangler deploy --dry-run`, and served by `wrangler dev` (workerd) in Chromium; and so is a
// hybrid site of each framework whose hybrid.test.ts stack is refused there.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { registry } from "../../create-jam/src/engine/registry.ts";
import { isAllowed } from "../../create-jam/src/engine/stack.ts";
import { runCli, tempDir } from "../helpers.ts";
import { checkSite } from "./browser.ts";
import { buyInBrowser, checkoutForm, sellingEnv, startStripeApi } from "./commerce.ts";
import { demoPosts, gitIdentity, itHasNoUnusedCode, pnpm, pnpmWith } from "./helpers.ts";
import { hybridStacks } from "./hybrid-stacks.ts";
import { builtPages, expectApiHeaders, expectNoCspViolation, expectNotFramed, expectPageHeaders } from "./security.ts";
import { serveOnWorkers } from "./serve.ts";
import { expectHybridOnWorkers } from "./workers.ts";

describe("a Hugo site on Cloudflare", () => {
  const cwd = tempDir("jam-e2e-cloudflare-hugo-");
  const site = join(cwd, "site");

  it("is written, installed and built", async () => {
    const r = await runCli(["site", "--yes", "--framework", "hugo", "--commerce", "stripe", "--deploy", "cloudflare", "--install", "--no-git"], { cwd, env: { CI: "true", ...gitIdentity }, timeout: 600_000 });
    expect(r.exitCode, r.all).toBe(0);
    await pnpmWith(sellingEnv.stripe, site, "build");
    expect(existsSync(join(site, "apps/web/public/index.html"))).toBe(true);
  });

  itHasNoUnusedCode(site);

  it("packages as wrangler deploy would upload it: the Worker bundle and the build as its assets", async () => {
    const out = await pnpm(join(site, "apps/web"), "exec", "wrangler", "deploy", "--dry-run", "--outdir", ".wrangler/dry-run");
    expect(out).toMatch(/Read \d+ files from the assets directory/);
    expect(out).toContain("--dry-run: exiting now.");
    // The bundle holds the functions' routes (packages/functions, bundled with their npm packages).
    const bundle = readFileSync(join(site, "apps/web/.wrangler/dry-run/worker.js"), "utf8");
    expect(bundle).toContain('"/api/entries"');
    expect(bundle).toContain('"/api/checkout"');
  });

  it("runs in workerd: pages in Chromium, /api/entries and Stripe checkout from the Worker", async () => {
    const stripe = await startStripeApi();
    const server = await serveOnWorkers(site, { vars: { ...sellingEnv.stripe, STRIPE_API_URL: stripe.url } });
    try {
      await checkSite(server.url, { titles: demoPosts, entry: { title: "Hello, JAMstack", phrase: "served as plain HTML from a CDN" }, search: { path: "/search/", query: "jamstack" } });
      // The asset layer's _headers and each page's policy <meta>, the router's headers on /api/*.
      await expectPageHeaders(`${server.url}/products/jam-jar-mug/`);
      await expectApiHeaders(`${server.url}/api/entries/`);
      await expectNotFramed(`${server.url}/`, "Hello, JAMstack");
      await expectNoCspViolation(server.url, builtPages(join(site, "apps/web/public")));
      const entries = await fetch(`${server.url}/api/entries/`);
      expect(entries.status).toBe(200);
      expect(((await entries.json()) as { title: string }[]).map((e) => e.title)).toEqual(expect.arrayContaining(demoPosts));
      // A path the Worker does not route is its router's 404, as JSON; a page path that is no file is the asset layer's.
      expect((await fetch(`${server.url}/api/nothing-here`)).status).toBe(404);
      expect((await fetch(`${server.url}/no-such-page/`)).status).toBe(404);
      await buyInBrowser(`${server.url}/products/jam-jar-mug/`, stripe.sessionUrl);
      // (The browser then loads the session's page from the same loopback server.)
      const toStripe = () => stripe.calls.filter((c) => c.url.startsWith("/v1/")).map((c) => `${c.method} ${c.url}`);
      expect(toStripe()).toEqual(["POST /v1/checkout/sessions"]);
      expect((await fetch(`${server.url}/api/checkout/`, { ...checkoutForm("jam-jar-mug", "https://evil.example"), redirect: "manual" })).status).toBe(403);
      expect(toStripe()).toHaveLength(1);
    } finally {
      await server.close();
      await stripe.close();
    }
  });
});

// The hybrid frameworks Cloudflare takes whose hybrid.test.ts stack it refuses, selling with the
// provider hybrid.test.ts gives them.
const onCloudflare = ({ framework, commerce }: (typeof hybridStacks)[number]) =>
  isAllowed(registry, { framework, rendering: "hybrid", content: "markdown", commerce, auth: "none", backend: "none", search: "pagefind", deploy: ["cloudflare"] });
const hybridHere = [...new Map(hybridStacks.filter((s) => onCloudflare(s) && !hybridStacks.some((o) => o.framework === s.framework && o.cloudflare)).map((s) => [s.framework, s])).values()];

describe.each(hybridHere)("a hybrid $framework site on Cloudflare", ({ framework, commerce }) => {
  const cwd = tempDir(`jam-e2e-cloudflare-${framework}-`);
  const site = join(cwd, "site");

  it("is written and installed", async () => {
    const r = await runCli(["site", "--yes", "--framework", framework, "--rendering", "hybrid", "--commerce", commerce, "--deploy", "cloudflare", "--install", "--no-git"], { cwd, env: { CI: "true", ...gitIdentity }, timeout: 600_000 });
    expect(r.exitCode, r.all).toBe(0);
  });

  itHasNoUnusedCode(site);

  it("builds with the framework's Cloudflare adapter and runs in workerd: pages in Chromium, a post rendered on request, /api/entries, checkout", async () => {
    await expectHybridOnWorkers(site, { framework, commerce, search: "pagefind" });
  });

  it("packages as wrangler deploy would upload it", async () => {
    const out = await pnpm(join(site, "apps/web"), "exec", "wrangler", "deploy", "--dry-run", "--outdir", ".wrangler/dry-run");
    expect(out).toMatch(/Read \d+ files from the assets directory/);
    expect(out).toContain("--dry-run: exiting now.");
  });
});
