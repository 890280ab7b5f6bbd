// Each CMS for real: a generated site installed from the registry and built with the framework's
// own build against the CMS's loopback server (the SDK reached through its base-URL option), in one
// static and one hybrid framework of different families per CMS. Without the variables it builds the
// demo content and says so; with them and the CMS down it fails with one sentence; with them it shows
// the CMS's entries and no secret reaches the browser's files; its /api/revalidate accepts a signed
// webhook (a rebuild through the deploy hook when static, the page revalidated when hybrid) and
// refuses a tampered, wrongly signed or stale one with 401, triggering nothing.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { registry } from "../../create-jam/src/engine/registry.ts";
import { resolveStack } from "../../create-jam/src/engine/stack.ts";
import type { Choices } from "../../create-jam/src/engine/types.ts";
import { closedPort } from "../../packages/content/test/fixture-server.ts";
import { startReceiver } from "../../packages/functions/test/receiver.ts";
import { runCli, tempDir } from "../helpers.ts";
import { type CmsFixture, contentfulFixture, notionFixture, sanityFixture, strapiFixture } from "./cms-fixtures.ts";
import { callNetlifyFunction, callVercelApiFile, callVercelFunction, netlifyBuild, netlifyFunctions, servesPath } from "./deploy-outputs.ts";
import { itHasNoUnusedCode, read } from "./helpers.ts";
import { startServer } from "./serve.ts";
import { execa } from "execa";

interface Case {
  cms: "sanity" | "contentful" | "strapi" | "notion";
  /** Starts the CMS's server; Strapi's is the generated site's own apps/cms. */
  fixture: (site: string, sells: boolean) => Promise<CmsFixture>;
  /** A static stack per CMS sells too: its products come from the CMS's product type. */
  commerce?: "stripe" | "snipcart";
  framework: string;
  rendering: "static" | "hybrid";
  /** Where the built HTML is (static) and every file a browser may fetch. */
  html: string;
  client: string[];
}

const cases: Case[] = [
  { cms: "sanity", fixture: sanityFixture, framework: "astro", rendering: "static", commerce: "stripe", html: "dist", client: ["dist"] },
  { cms: "sanity", fixture: sanityFixture, framework: "next", rendering: "hybrid", html: ".next/server/app", client: [".next/static", "public"] },
  { cms: "contentful", fixture: contentfulFixture, framework: "eleventy", rendering: "static", commerce: "snipcart", html: "_site", client: ["_site"] },
  { cms: "contentful", fixture: contentfulFixture, framework: "sveltekit", rendering: "hybrid", html: "build/prerendered", client: ["build/client"] },
  { cms: "strapi", fixture: strapiFixture, framework: "gatsby", rendering: "static", commerce: "stripe", html: "public", client: ["public"] },
  { cms: "strapi", fixture: strapiFixture, framework: "astro", rendering: "hybrid", html: "dist/client", client: ["dist/client"] },
  { cms: "notion", fixture: notionFixture, framework: "hugo", rendering: "static", commerce: "snipcart", html: "public", client: ["public"] },
  { cms: "notion", fixture: notionFixture, framework: "nuxt", rendering: "hybrid", html: ".output/public", client: [".output/public"] },
];

/** pnpm in the site with exactly this environment on top of the machine's (what a host's settings add). */
async function pnpmEnv(cwd: string, env: Record<string, string>, ...args: string[]) {
  return execa("pnpm", args, { cwd, stdin: "ignore", reject: false, all: true, env: { CI: "true", ...env } });
}

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

describe.each(cases)("a $rendering $framework site on $cms", ({ cms, fixture, framework, rendering, html, client, commerce = "none" }) => {
  const cwd = tempDir(`jam-cms-${cms}-${framework}-`);
  const site = join(cwd, "site");
  const web = join(site, "apps/web");
  const choices: Choices = { framework, rendering, content: cms, commerce, auth: "none", backend: "none", search: "none", deploy: ["vercel", "netlify"] };
  // A recognisable value for every secret variable the stack reads: none may reach the browser.
  const secrets = resolveStack(registry, choices).parts.flatMap((p) => p.env ?? []).filter((e) => e.visibility === "secret").map((e) => e.name);
  const canary = (name: string) => `canary-${name.toLowerCase()}-5e1f`;
  let cmsServer: CmsFixture;
  const counts = (posts: number) => (commerce === "none" ? `${posts} posts and 1 pages` : `${posts} posts, 1 pages and 1 products`);

  afterAll(async () => cmsServer?.close());

  it("is written and installed, and its CMS's server answers", async () => {
    const flags = ["--framework", framework, "--rendering", rendering, "--content", cms, "--commerce", commerce, "--search", "none", "--deploy", "vercel,netlify"];
    const r = await runCli(["site", ...flags, "--install", "--no-git"], { cwd, env: { CI: "true" }, timeout: 600_000 });
    expect(r.exitCode, r.all).toBe(0);
    cmsServer = await fixture(site, commerce !== "none");
  }, 600_000);

  itHasNoUnusedCode(site);

  it("builds the demo content without the CMS's variables, and says so in one line", async () => {
    const r = await pnpmEnv(site, {}, "build");
    expect(r.exitCode, r.all).toBe(0);
    const notice = (r.all ?? "").split("\n").filter((l) => l.includes(`${cmsServer.name} is not configured`));
    expect(notice.length, r.all).toBeGreaterThan(0);
    expect(notice[0]).toMatch(new RegExp(`\\(${cmsServer.required.join(", ")} not set\\): building with the bundled demo content\\.`));
    expect(read(web, html, "index.html")).toContain("Hello, JAMstack");
  });

  it("fails the build with one sentence when the CMS cannot be reached", async () => {
    const port = await closedPort();
    const url = cmsServer.urlFor(port);
    const r = await pnpmEnv(site, { ...cmsServer.env, [cmsServer.urlVariable]: url }, "build");
    expect(r.exitCode).not.toBe(0);
    expect(r.all).toMatch(new RegExp(`content: ${cmsServer.name} at (http://)?${url.replace(/[.]/g, "\\.")} could not be reached`));
  });

  it("builds the CMS's entries, and no secret value reaches a file the browser can fetch", async () => {
    // The CMS's own credentials stay what its server accepts (a real Strapi checks its token).
    const values = Object.fromEntries(secrets.map((n) => [n, cmsServer.env[n] ?? canary(n)]));
    const r = await pnpmEnv(site, { ...cmsServer.env, ...values }, "build");
    expect(r.exitCode, r.all).toBe(0);
    expect(r.all).toContain(`content: ${counts(2)} from ${cmsServer.name}.`);
    const home = read(web, html, "index.html");
    expect(home).toContain(`${cmsServer.name} first post`);
    expect(home).not.toContain("Hello, JAMstack");
    if (cmsServer.draft) expect(home).not.toContain(cmsServer.draft.title);
    if (rendering === "static") expect(read(web, html, "posts/cms-first/index.html")).toContain(`Written in ${cmsServer.name}.`);
    if (commerce !== "none") {
      // The CMS's product, at the CMS's price (21.00), in place of the demo products.
      const sold = read(web, html, "products/cms-mug/index.html");
      expect(sold).toContain(`${cmsServer.name} mug`);
      expect(sold).toContain(`Kept in ${cmsServer.name}.`);
      expect(sold).toContain("21.00");
      expect(read(web, html, "products/index.html")).not.toContain("Jam jar mug");
    }
    const files = client.flatMap((d) => filesUnder(join(web, d)));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, "latin1");
      for (const n of secrets) expect(text.includes(values[n] as string), `${n} in ${file}`).toBe(false);
    }
  });

  it.runIf(cms === "strapi" && rendering === "static")("shows drafts in a preview deployment's build only", async () => {
    const draft = cmsServer.draft!;
    const r = await pnpmEnv(site, { ...cmsServer.env, ...draft.env }, "build");
    expect(r.exitCode, r.all).toBe(0);
    expect(r.all).toContain(`content: ${counts(3)} from ${cmsServer.name}.`);
    expect(read(web, html, "index.html")).toContain(draft.title);
  });

  it.runIf(cms === "contentful" && rendering === "static")("reads the CMS's variables from the project's .env, as .env.example says", async () => {
    writeFileSync(join(site, ".env"), Object.entries(cmsServer.env).map(([k, v]) => `${k}=${v}`).join("\n"));
    try {
      const r = await pnpmEnv(site, {}, "build");
      expect(r.exitCode, r.all).toBe(0);
      expect(read(web, html, "index.html")).toContain(`${cmsServer.name} first post`);
    } finally {
      rmSync(join(site, ".env"));
    }
  });

  it.runIf(cms === "sanity" && rendering === "static")("has a Sanity Studio that type-checks and builds, with the schema the site reads", async () => {
    const studio = join(site, "apps/studio");
    const types = await execa("node", ["-e", 'import("./schemas/index.ts").then((m) => console.log(JSON.stringify(Object.fromEntries(m.schemaTypes.map((t) => [t.name, t.fields.map((f) => f.name)])))))'], { cwd: studio, reject: false, all: true });
    expect(types.exitCode, types.all).toBe(0);
    const fields = JSON.parse(types.stdout);
    // Every field the provider's GROQ projections read.
    expect(fields.post).toEqual(expect.arrayContaining(["title", "slug", "description", "date", "tags", "body"]));
    expect(fields.page).toEqual(expect.arrayContaining(["title", "slug", "description", "body"]));
    expect(fields.product).toEqual(expect.arrayContaining(["name", "slug", "description", "price", "currency", "image", "body"]));
    // As the README says: the Studio's variables in apps/studio/.env, which the Sanity CLI reads, and
    // its build by the README's own command, from the project's root.
    const readme = read(site, "README.md");
    expect(readme).toContain("`SANITY_STUDIO_PROJECT_ID` and `SANITY_STUDIO_DATASET` in `apps/studio/.env`");
    writeFileSync(join(studio, ".env"), "SANITY_STUDIO_PROJECT_ID=e2ereadme\nSANITY_STUDIO_DATASET=production\n");
    const checked = await pnpmEnv(studio, {}, "run", "check-types");
    expect(checked.exitCode, checked.all).toBe(0);
    expect(readme).toContain("`pnpm --filter studio run build:studio`");
    const build = await pnpmEnv(site, {}, "--filter", "studio", "run", "build:studio");
    expect(build.exitCode, build.all).toBe(0);
    expect(read(studio, "dist", "index.html")).toContain("<html");
    // The project id from apps/studio/.env is built into the Studio's bundle.
    const bundles = filesUnder(join(studio, "dist")).filter((f) => f.endsWith(".js"));
    expect(bundles.some((f) => readFileSync(f, "utf8").includes("e2ereadme"))).toBe(true);
  }, 300_000);

  it.runIf(rendering === "static")("rebuilds through the deploy hook on a signed webhook; refuses bad ones with 401", async () => {
    const hook = await startReceiver();
    try {
      const env = { ...cmsServer.env, [cmsServer.secret[0]]: cmsServer.secret[1], VERCEL_DEPLOY_HOOK_URL: `${hook.url}/hook` };
      const call = (w: { headers: Record<string, string>; body: string }) => callVercelApiFile(web, "/api/revalidate", { method: "POST", ...w, env });
      const good = await cmsServer.webhook("cms-first");
      const tampered = { ...good, body: good.body.replace("cms-first", "cms-second") };
      if (cmsServer.signs.body) expect((await call(tampered)).status).toBe(401);
      expect((await call(await cmsServer.webhook("cms-first", { secret: "x".repeat(64) }))).status).toBe(401);
      if (cmsServer.signs.time) expect((await call(await cmsServer.webhook("cms-first", { at: Date.now() - 10 * 60_000 }))).status).toBe(401);
      expect((await call({ ...good, headers: { "content-type": "application/json" } })).status).toBe(401);
      expect(hook.calls).toHaveLength(0);
      expect((await call(good)).status).toBe(202);
      expect(hook.calls.map((c) => `${c.method} ${c.url}`)).toEqual(["POST /hook"]);
    } finally {
      await hook.close();
    }
  });

  it.runIf(rendering === "hybrid")("serves the CMS's entries on its own server; a signed webhook gets the edit onto the page, a bad one 401", async () => {
    const env = { ...cmsServer.env, [cmsServer.secret[0]]: cmsServer.secret[1] };
    const server = await startServer("pnpm", ["run", "start"], { cwd: web, env });
    try {
      const page = async () => (await fetch(`${server.url}/posts/cms-first/`)).text();
      expect(await page()).toContain(`${cmsServer.name} first post`);
      cmsServer.relay?.to(`${server.url}/api/revalidate/`);
      await cmsServer.edit("cms-first", `${cmsServer.name} first post, edited`);
      const post = async (w: { headers: Record<string, string>; body: string }) =>
        fetch(`${server.url}/api/revalidate/`, { method: "POST", headers: w.headers, body: w.body });
      const path = "/api/revalidate/";
      const bad = await cmsServer.webhook("cms-first", { secret: "y".repeat(64), path });
      expect((await post(bad)).status).toBe(401);
      const good = await post(await cmsServer.webhook("cms-first", { path }));
      expect(good.status, await good.clone().text()).toBe(200);
      let text = "";
      for (let i = 0; i < 20 && !text.includes("first post, edited"); i++) {
        text = await page();
        if (!text.includes("first post, edited")) await new Promise((r) => setTimeout(r, 500));
      }
      expect(text).toContain(`${cmsServer.name} first post, edited`);
      // A CMS that sends its own webhooks (Strapi) sent them on the edit: accepted as sent, refused
      // without the secret header.
      if (cmsServer.relay) {
        const deliveries = cmsServer.relay.deliveries;
        for (let i = 0; i < 20 && !deliveries.some((d) => d.event === "entry.publish"); i++) await new Promise((r) => setTimeout(r, 250));
        expect(deliveries.map((d) => d.event)).toContain("entry.publish");
        for (const d of deliveries) expect([d.event, d.status, d.withoutSecret]).toEqual([d.event, 200, 401]);
      }
    } finally {
      await server.close();
    }
  });

  // Next.js revalidates its own page cache (revalidatePath, above); the others ask their host.
  it.runIf(rendering === "hybrid" && framework !== "next")("on Vercel and Netlify, a signed webhook has the host drop its copy of the changed page", async () => {
    const env = { ...cmsServer.env, [cmsServer.secret[0]]: cmsServer.secret[1] };
    const path = "/api/revalidate/";
    const token = "bypass-token-e2e-".padEnd(40, "0");
    const vercelEnv = { ...env, VERCEL: "1", VERCEL_BYPASS_TOKEN: token };
    const build = await pnpmEnv(site, vercelEnv, "build");
    expect(build.exitCode, build.all).toBe(0);
    const output = join(web, ".vercel/output");
    const isr = filesUnder(join(output, "functions")).filter((f) => f.endsWith(".prerender-config.json"));
    expect(isr.length, "ISR functions in the Vercel output").toBeGreaterThan(0);
    for (const f of isr) expect(JSON.parse(readFileSync(f, "utf8")).bypassToken, f).toBe(token);
    const site_ = await startReceiver();
    try {
      const res = await callVercelFunction(output, path, { method: "POST", ...(await cmsServer.webhook("cms-first", { path })), env: vercelEnv, origin: site_.url });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(site_.calls.map((c) => [c.method, c.url, c.headers["x-prerender-revalidate"]])).toContainEqual(["HEAD", "/posts/cms-first/", token]);
    } finally {
      await site_.close();
    }

    // Hosts build from a clean checkout. Nitro's Netlify build, run beside the outputs of the builds
    // above (.output, .vercel), prerendered a home page that listed their entries: remove them.
    for (const dir of [".vercel", ".output"]) rmSync(join(web, dir), { recursive: true, force: true });
    await netlifyBuild(site);
    const fnFor = (p: string) => netlifyFunctions(web).find((f) => servesPath(f, p));
    const [api, page] = [fnFor(path), fnFor("/posts/cms-first/")];
    expect(api && page, "Netlify functions for /api/revalidate/ and the post page").toBeTruthy();
    const tagged = await callNetlifyFunction(page!, "/posts/cms-first/", { env });
    expect(tagged.status).toBe(200);
    expect(tagged.headers.get("netlify-cache-tag")).toBe("posts-cms-first");
    const purge = await startReceiver();
    try {
      const netlifyEnv = { ...env, NETLIFY_PURGE_API_TOKEN: "purge-token-e2e", SITE_ID: "site-e2e", NETLIFY_PURGE_API_URL: purge.url };
      const res = await callNetlifyFunction(api!, path, { method: "POST", ...(await cmsServer.webhook("cms-first", { path })), env: netlifyEnv });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(purge.calls.map((c) => [c.method, c.url, c.headers.authorization])).toEqual([["POST", "/api/v1/purge", "Bearer purge-token-e2e"]]);
      expect(JSON.parse(purge.calls[0]?.body ?? "{}")).toMatchObject({ site_id: "site-e2e", cache_tags: expect.arrayContaining(["posts-cms-first"]) });
      const bad = await callNetlifyFunction(api!, path, { method: "POST", ...(await cmsServer.webhook("cms-first", { path, secret: "z".repeat(64) })), env: netlifyEnv });
      expect(bad.status).toBe(401);
      expect(purge.calls).toHaveLength(1);
    } finally {
      await purge.close();
    }
  }, 600_000);

  // Last: it adds the demo entries to the CMS the tests above count.
  it.runIf(cms === "strapi" && rendering === "static")("pnpm seed fills the real Strapi once: posts, products and their images, leaving its own about page alone", async () => {
    const env = cmsServer.seedEnv!;
    const first = await pnpmEnv(site, env, "seed");
    expect(first.exitCode, first.all).toBe(0);
    expect(first.all).toContain("seed: created 3 posts, 3 products in Strapi.");
    expect(first.all).toContain("seed: uploaded 3 images.");
    expect(first.all).toContain('seed: skipped page "about": an entry with that slug is there already; it is left as it is.');
    type Docs = { data: Record<string, unknown>[] };
    const [hello] = ((await cmsServer.read!("/api/posts?filters[slug][$eq]=hello-jamstack")) as Docs).data;
    expect(hello).toMatchObject({ title: "Hello, JAMstack", date: "2026-11-20", tags: ["welcome", "jamstack"], publishedAt: expect.any(String) });
    expect(JSON.stringify(hello?.body)).toContain('"type":"heading","level":2');
    const [mug] = ((await cmsServer.read!("/api/products?filters[slug][$eq]=jam-jar-mug&populate=image")) as Docs).data;
    expect(mug).toMatchObject({ name: "Jam jar mug", price: 1800, currency: "usd", image: { mime: "image/svg+xml", url: expect.stringMatching(/^\/uploads\//) } });
    expect(((await cmsServer.read!("/api/pages?filters[slug][$eq]=about")) as Docs).data.map((d) => d.title)).toEqual(["About, from Strapi"]);

    const second = await pnpmEnv(site, env, "seed");
    expect(second.exitCode, second.all).toBe(0);
    expect(second.all).toContain("seed: nothing to create in Strapi.");
    expect(((await cmsServer.read!("/api/posts?filters[slug][$eq]=hello-jamstack")) as Docs).data).toHaveLength(1);

    const without = await pnpmEnv(site, { STRAPI_URL: env.STRAPI_URL as string }, "seed");
    expect(without.exitCode).not.toBe(0);
    expect(without.all).toContain("seed: STRAPI_SEED_TOKEN is not set: a Full access API token from Strapi admin › Settings › API Tokens");
  });
});
