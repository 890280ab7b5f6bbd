// For real: generate with the built CLI (which installs from the registry), build with the
// framework's own build through turbo, and read what it produced.
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { registry } from "../../create-jam/src/engine/registry.ts";
import { isAllowed, modulesOf } from "../../create-jam/src/engine/stack.ts";
import { listFiles, runCli, tempDir } from "../helpers.ts";
import { readmeCommands, readmeDevUrl, unresolved } from "../../create-jam/test/readme-commands.ts";
import { checkSite } from "./browser.ts";
import { readmeVerifyOrder, startReceiver } from "../../packages/functions/test/receiver.ts";
import { buyInBrowser, checkoutForm, crawlLikeSnipcart, expectMugSession, expectProductPages, expectSnipcartOnReach, missingLine, orderSecret, type Provider, secretValues, sellingEnv, startStripeApi, stripeEvent } from "./commerce.ts";
import { callNetlifyFunction, callPackagedNetlifyFunction, callVercelApiFile, netlifyBuild, netlifyFunctions } from "./deploy-outputs.ts";
import { demoPosts, gitIdentity, pnpm, pnpmWith, read } from "./helpers.ts";
import { freePort, serveOnWorkers, serveStatic, serveStaticWithFunctions, startServer } from "./serve.ts";
import { builtPages, expectApiHeaders, expectNoCspViolation, expectNotFramed, expectPageHeaders } from "./security.ts";
import { startOidc } from "../../packages/functions/test/oidc-server.ts";
import { auth0Env, authCanaries, expectMembersRefused, expectNothingPrivate, firebaseEnv, firebaseSignIn, oidcSignIn, signInInBrowser, signInWithFirebaseInBrowser, supabaseSignIn } from "./auth.ts";
import { startGoTrue } from "../../packages/functions/test/gotrue-server.ts";
import { startAuthEmulator } from "../../packages/functions/test/firebase-emulator.ts";
import { commentInBrowser, firebasePrivateKey, firestoreEnv, supabaseEnv, supabaseServiceKey } from "./comments.ts";
import { startFirestore } from "../../packages/functions/test/firestore-server.ts";
import { startPostgrest } from "../../packages/functions/test/postgrest-server.ts";

// Every framework in the registry, with its defaults (static, Pagefind), product pages sold by
// Stripe or Snipcart (each provider in several frameworks; hybrid.test.ts has the rest) and Auth0's
// sign-in (Auth0's; Firebase Auth's in Hugo, Supabase Auth's in Next.js), so every layout renders the header's badge; one of
// them also with git, two with comments (the Supabase backend in Eleventy, Firebase's in Hugo;
// hybrid.test.ts has them in a hybrid stack). Each also deploys to Cloudflare, save Hugo's, whose
// Firebase modules Workers cannot run (cloudflare.test.ts runs a Hugo site there).
// JAM_COMMERCE=all: every framework with every provider (the wider set, not in CI's run).
const snipcartFrameworks = ["next", "sveltekit", "eleventy"];
const providersOf = (framework: string): Provider[] =>
  process.env.JAM_COMMERCE === "all" ? ["stripe", "snipcart"] : [snipcartFrameworks.includes(framework) ? "snipcart" : "stripe"];
const stacks = modulesOf(registry, "framework").flatMap((m) =>
  providersOf(m.id).map((commerce) => ({ framework: m.id, out: m.data?.outDir as string, publicDir: m.data?.publicDir as string, git: m.id === "next", commerce, auth: m.id === "hugo" ? "firebase" : m.id === "next" ? "supabase" : "auth0", backend: m.id === "eleventy" ? "supabase" : m.id === "hugo" ? "firebase" : "none" })),
);

describe.each(stacks)("a generated $framework site selling with $commerce", ({ framework, out, publicDir, git, commerce, auth, backend }) => {
  // Wherever the Cloudflare module's rules allow this stack.
  const cloudflare = isAllowed(registry, { framework, rendering: "static", content: "markdown", commerce, auth, backend, search: "pagefind", deploy: ["cloudflare"] });
  const cwd = tempDir(`jam-e2e-${framework}-`);
  const site = join(cwd, "site");
  const web = join(site, "apps/web", out);
  // The Auth emulator's port, chosen before the build writes it into the sign-in page.
  let emulatorPort = 0;
  let emulatorHost = "";
  beforeAll(async () => {
    emulatorPort = await freePort();
    emulatorHost = `127.0.0.1:${emulatorPort}`;
  });

  it("is written and installed by create-jam", async () => {
    const args = ["site", "--yes", "--framework", framework, "--commerce", commerce, "--auth", auth, "--backend", backend, "--deploy", cloudflare ? "vercel,netlify,cloudflare" : "vercel,netlify", "--install", git ? "--git" : "--no-git"];
    const r = await runCli(args, { cwd, env: { CI: "true", ...gitIdentity }, timeout: 600_000 });
    expect(r.exitCode, r.all).toBe(0);
    expect(existsSync(join(site, "node_modules/.modules.yaml"))).toBe(true);
    expect(existsSync(join(site, "pnpm-lock.yaml"))).toBe(true);
  });

  it("builds to static HTML holding the demo entries, and the product pages", async () => {
    const build = await pnpm(site, "build");
    // Without the provider's key: one line in the build, a notice instead of the Buy control.
    expect(build.split("\n").filter((l) => l.includes(missingLine[commerce]))).toHaveLength(1);
    expectProductPages(web, commerce, { selling: false });
    const home = read(web, "index.html");
    for (const title of demoPosts) expect(home).toContain(title);
    expect(home).toMatch(/<html\s+lang="en"/);
    expect(home).toContain('name="description"');
    const post = read(web, "posts/hello-jamstack/index.html");
    expect(post).toContain("<h1>Hello, JAMstack</h1>");
    expect(post).toContain("<strong>pre-rendered</strong>");
    expect(read(web, "about/index.html")).toContain("generated by <strong>create-jam</strong>");
  });

  it("sells with its provider's key, and no secret value nor members-only body reaches a file the browser can fetch", async () => {
    // Firebase's sign-in page is built with the web config (the emulator's: the browser test uses it).
    const firebase = auth === "firebase" ? firebaseEnv(emulatorHost) : {};
    const build = await pnpmWith({ ...sellingEnv[commerce], ...firebase, ...authCanaries, SUPABASE_SERVICE_ROLE_KEY: supabaseServiceKey, FIREBASE_PRIVATE_KEY: firebasePrivateKey }, site, "build");
    expect(build).toContain(`commerce: ${commerce === "stripe" ? "Stripe" : "Snipcart"} checkout is on.`);
    expectProductPages(web, commerce, { selling: true });
    expectNothingPrivate(web, [...secretValues, ...Object.values(authCanaries), supabaseServiceKey, firebasePrivateKey]);
    // The members-only post's page is there, with the placeholder instead of its body.
    expect(read(web, "posts/members-only/index.html")).toContain("This post is for members only.");
  });

  it.runIf(commerce === "snipcart")("passes Snipcart's crawler check from the served site, and loads Snipcart only when the buyer reaches for it", async () => {
    const server = await serveStatic(web);
    try {
      await crawlLikeSnipcart(web, server.url, ["jam-jar-mug", "static-sticker-pack", "edge-tote-bag"]);
      await expectSnipcartOnReach(`${server.url}/products/jam-jar-mug/`);
    } finally {
      await server.close();
    }
  });

  it("renders in a real browser: home, a followed entry link, search when built; no errors", async () => {
    // With its functions: every page's account badge asks /api/auth/me/.
    const server = await serveStaticWithFunctions(web, site);
    try {
      await checkSite(server.url, {
        titles: demoPosts,
        entry: { title: "Hello, JAMstack", phrase: "served as plain HTML from a CDN" },
        // --yes includes Pagefind: the search page must find the entry.
        search: { path: "/search/", query: "jamstack" },
      });
      // Every page the build wrote passes the policy it carries (its <meta>, packages/security).
      await expectNoCspViolation(server.url, builtPages(web));
    } finally {
      await server.close();
    }
  });

  it.runIf(cloudflare)("runs on Cloudflare's runtime: wrangler dev serves the build in Chromium (home, entry, search) and /api/* from the Worker", async () => {
    const stripe = await startStripeApi();
    const server = await serveOnWorkers(site, { vars: { ...sellingEnv[commerce], STRIPE_API_URL: stripe.url } });
    try {
      await checkSite(server.url, { titles: demoPosts, entry: { title: "Hello, JAMstack", phrase: "served as plain HTML from a CDN" }, search: { path: "/search/", query: "jamstack" } });
      // Cloudflare's asset layer sends _headers with every page, the Worker's router its own with /api/*;
      // Chromium then enforces both policies on every page, and no other site can frame one.
      await expectPageHeaders(`${server.url}/`);
      await expectPageHeaders(`${server.url}/posts/hello-jamstack/`);
      await expectApiHeaders(`${server.url}/api/entries`);
      await expectNotFramed(`${server.url}/`, "Hello, JAMstack");
      await expectNoCspViolation(server.url, builtPages(web));
      const entries = await fetch(`${server.url}/api/entries`);
      expect(entries.headers.get("content-type")).toContain("application/json");
      expect(((await entries.json()) as { title: string }[]).map((e) => e.title)).toContain("Hello, JAMstack");
      if (commerce === "stripe") {
        // Stripe's SDK in workerd (its fetch client): the Buy button reaches the session it created.
        await buyInBrowser(`${server.url}/products/jam-jar-mug/`, stripe.sessionUrl);
        // (The browser then loads the session's page from the same loopback server.)
        expect(stripe.calls.filter((c) => c.url.startsWith("/v1/")).map((c) => `${c.method} ${c.url}`)).toEqual(["POST /v1/checkout/sessions"]);
        expect((await fetch(`${server.url}/api/checkout`, { ...checkoutForm("jam-jar-mug", "https://evil.example"), redirect: "manual" })).status).toBe(403);
      }
    } finally {
      await server.close();
      await stripe.close();
    }
  });

  it.runIf(auth === "firebase")("signs in with Firebase Auth in Chromium against the Auth emulator: /sign-in/, the members-only post, /account/, sign-out", async () => {
    const emulator = await startAuthEmulator("demo-jam", emulatorPort);
    const server = await serveStaticWithFunctions(web, site, { env: firebaseEnv(emulator.host) });
    try {
      await signInWithFirebaseInBrowser(server.url);
    } finally {
      await server.close();
      await emulator.close();
    }
  });

  it.runIf(auth === "supabase")("signs in with Supabase Auth in Chromium through a loopback GoTrue (OAuth with PKCE): the badge, the members-only post, /account/, sign-out", async () => {
    const gotrue = await startGoTrue();
    const server = await serveStaticWithFunctions(web, site, { env: { SUPABASE_URL: gotrue.url, SUPABASE_PUBLISHABLE_KEY: "sb_publishable_e2e", AUTH_SECRET: "auth-secret-e2e-of-at-least-32-characters" } });
    try {
      await expectMembersRefused(server.url);
      await signInInBrowser(server.url, supabaseSignIn);
      // supabase-js traded the code with the verifier the browser's flow cookie carried.
      expect(gotrue.calls.filter((c) => c.path === "/auth/v1/token").map((c) => c.query.get("grant_type"))).toEqual(["pkce"]);
    } finally {
      await server.close();
      await gotrue.close();
    }
  });

  it.runIf(auth === "auth0")("signs in through a local OIDC server set up as Auth0 is, in Chromium: the badge, the members-only post, /account/, sign-out", async () => {
    const port = await freePort();
    const oidc = await startOidc(`http://127.0.0.1:${port}`);
    const server = await serveStaticWithFunctions(web, site, { env: auth0Env(oidc), port });
    try {
      await expectMembersRefused(server.url);
      await signInInBrowser(server.url, oidcSignIn(oidc));
    } finally {
      await server.close();
      await oidc.close();
    }
  });

  it.runIf(backend === "supabase")("takes comments on a post in Chromium from a signed-in visitor, as text; refuses them without a session or from elsewhere", async () => {
    const port = await freePort();
    const oidc = await startOidc(`http://127.0.0.1:${port}`);
    const rest = await startPostgrest(supabaseServiceKey);
    const server = await serveStaticWithFunctions(web, site, { env: { ...auth0Env(oidc), ...supabaseEnv(rest.url) }, port });
    try {
      await commentInBrowser(server.url, oidcSignIn(oidc));
      expect(rest.rows.map((r) => [r.entry, r.user_id, r.author_name])).toEqual([["hello-jamstack", "ada", "ada Lovelace"]]);
    } finally {
      await server.close();
      await rest.close();
      await oidc.close();
    }
  });

  it.runIf(backend === "firebase")("takes comments in Chromium from a visitor signed in with Firebase Auth, stored in Firestore through firebase-admin", async () => {
    const emulator = await startAuthEmulator("demo-jam", emulatorPort);
    const firestore = await startFirestore();
    const server = await serveStaticWithFunctions(web, site, { env: { ...firebaseEnv(emulator.host), ...firestoreEnv(firestore.host) } });
    try {
      const who = firebaseSignIn();
      await commentInBrowser(server.url, who);
      // One comment, at the post's collection, by the Firebase user the session names.
      // The comment holds no user id: that is apart, in commentAuthors (no rule lets a client read it).
      const stored = [...firestore.documents.values()];
      expect(stored.map((d) => [d.name.split("/documents/")[1]?.replace(/[^/]+$/, "<id>"), d.fields.authorName?.stringValue, d.fields.userId?.stringValue])).toEqual([
        ["posts/hello-jamstack/comments/<id>", who.name, undefined],
        ["commentAuthors/<id>", undefined, expect.stringMatching(/^\w{20,}$/)],
      ]);
    } finally {
      await server.close();
      await firestore.close();
      await emulator.close();
    }
  });

  it("rebuilds entirely from turbo's cache, the widget bundles outside their package included", async () => {
    // As on a fresh clone with a remote cache: the badge's bundle is not there until the cache restores it.
    const badge = join(site, "apps/web", publicDir, "_jam/account.js");
    rmSync(badge);
    // The home page too: the cache must give it back with its policy, which the build's own script wrote.
    rmSync(join(web, "index.html"));
    const again = await pnpm(site, "build");
    expect(again).toMatch(/Cached:\s+(\d+) cached, \1 total/);
    expect(again).toContain("FULL TURBO");
    expect(existsSync(badge)).toBe(true);
    expect(read(join(web, "index.html"))).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'/);
  });

  it("type-checks and lints clean, and passes its own CI workflow's commands", async () => {
    const types = await pnpm(site, "check-types");
    // astro check exits 0 even when it cannot run; its result line proves it did.
    if (framework === "astro") expect(types).toMatch(/Result \(\d+ files\):[\s\S]*0 errors/);
    await pnpm(site, "lint");
    // What .github/workflows/ci.yml runs (its `uses` steps are GitHub's), in the same order.
    const { execa } = await import("execa");
    const steps = parseYaml(read(site, ".github/workflows/ci.yml")).jobs.build.steps as { run?: string }[];
    for (const { run } of steps.filter((s) => s.run)) {
      const r = await execa("sh", ["-c", run as string], { cwd: site, reject: false, all: true, env: { CI: "true" } });
      expect(r.exitCode, `${run}\n${r.all}`).toBe(0);
    }
  });

  if (git) it("leaves a clean git work tree after building (outputs are ignored)", async () => {
    const { execa } = await import("execa");
    expect((await execa("git", ["status", "--porcelain"], { cwd: site })).stdout).toBe("");
    expect((await execa("git", ["log", "--oneline"], { cwd: site })).stdout).toContain("Initial commit from create-jam");
  });

  // The README's Start block is what this file runs as written: pnpm install (create-jam's), pnpm
  // build, check-types, lint and knip (the CI workflow's steps above), pnpm dev at the URL it names (below).
  it("has a Start block of the commands this file runs, and names only commands that resolve", async () => {
    const readme = read(site, "README.md");
    const start = readmeCommands(/^## Start\n\n(```sh\n[\s\S]*?```)/m.exec(readme)?.[1] ?? "");
    expect(start).toEqual(["pnpm install", "pnpm dev", "pnpm build", "pnpm check-types", "pnpm lint", "pnpm knip"]);
    // The installed project, not the plan: every command of the whole README resolves in it.
    // (Only the files the check reads are read: package.json, turbo.json, .gitignore, the generators.)
    const reads = (p: string) => /(^|\/)package\.json$|^turbo\.json$|^\.gitignore$|^turbo\/generators\/config\.ts$/.test(p);
    const tree = new Map(listFiles(site).filter((p) => !/(^|\/)(node_modules|\.git|\.turbo)\//.test(p)).map((p) => [p, reads(p) ? read(site, p) : ""]));
    expect(readmeCommands(readme).map((c) => [c, unresolved(c, { tree })]).filter(([, why]) => why)).toEqual([]);
  });

  it("picks up a new entry from turbo gen, as its README names it, and rebuilds only what changed", async () => {
    expect(readmeCommands(read(site, "README.md"))).toContain("pnpm turbo gen entry");
    await pnpm(site, "turbo", "gen", "entry", "--args", "posts", "Lighthouse keeping notes");
    const file = join(site, "packages/content/content/posts/lighthouse-keeping-notes.md");
    expect(read(file)).toMatch(/^---\ntitle: Lighthouse keeping notes\n/);
    writeFileSync(file, read(file).replace("Write here.", "Keep the lamp lit."));
    const rebuilt = await pnpm(site, "build");
    // Every task reads the content package, so nothing is a cache hit.
    expect(rebuilt).toMatch(/Cached:\s+0 cached, \d+ total/);
    expect(read(web, "index.html")).toContain("Lighthouse keeping notes");
    expect(read(web, "posts/lighthouse-keeping-notes/index.html")).toContain("Keep the lamp lit.");
  });

  it("runs pnpm dev: the site and its functions on the one origin its README names", async () => {
    // The README's URL is FUNCTIONS_PORT's default; the test moves it with FUNCTIONS_PORT, as the README says.
    const named = readmeDevUrl(read(site, "README.md"));
    expect(read(site, ".env.example")).toContain(`FUNCTIONS_PORT=${named.port}`);
    const dev = await startServer("pnpm", ["dev"], { cwd: site, devPortVariable: "FUNCTIONS_PORT", timeout: 180_000 });
    // The README's URL itself (localhost), on the port the test gave.
    const base = Object.assign(new URL(named), { port: new URL(dev.url).port }).origin;
    try {
      const entries = await fetch(`${base}/api/entries`);
      expect(entries.status).toBe(200);
      expect(((await entries.json()) as { title: string }[]).map((e) => e.title)).toContain("Hello, JAMstack");
      // The framework's dev server comes up behind the proxy in its own time (502 until then).
      // `gatsby develop` sends a page shell and renders the entries in the browser.
      const expected = framework === "gatsby" ? '<div id="___gatsby">' : "Hello, JAMstack";
      let home = "";
      for (let i = 0; i < 240 && !home.includes(expected); i++) {
        const res = await fetch(`${base}/`).catch(() => undefined);
        home = res?.ok ? await res.text() : "";
        if (!home.includes(expected)) await new Promise((r) => setTimeout(r, 500));
      }
      expect(home).toContain(expected);
    } finally {
      await dev.close();
    }
  });

  it("serves its server routes as the hosts' functions: Vercel's apps/web/api/, Netlify's packaged function", async () => {
    const expectEntries = async (res: Response) => {
      expect(res.status).toBe(200);
      // The router's headers: neither host's header config reaches a function's answer.
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(((await res.json()) as { title: string }[]).map((e) => e.title)).toContain("Lighthouse keeping notes");
    };
    await expectEntries(await callVercelApiFile(join(site, "apps/web"), "/api/entries"));
    await netlifyBuild(site);
    const functions = netlifyFunctions(join(site, "apps/web"));
    const auth = ["/api/auth/login", "/api/auth/callback", "/api/auth/logout", "/api/auth/me", "/api/members"];
    const routes = ["/api/entries", ...(commerce === "stripe" ? ["/api/checkout", "/api/stripe-webhook"] : []), ...auth, ...(backend !== "none" ? ["/api/comments"] : [])];
    expect(functions.map((f) => [f.name, f.buildData.runtimeAPIVersion, f.routes?.map((r) => r.literal)])).toEqual([["api", 2, routes.flatMap((r) => [r, `${r}/`])]]);
    // Netlify's build read the function's rate limit, per address and domain (not one site-wide bucket).
    expect(functions[0]?.trafficRules?.action?.config).toMatchObject({ rateLimitConfig: { windowLimit: 100, windowSize: 60 }, aggregate: { keys: [{ type: "ip" }, { type: "domain" }] } });
    await expectEntries(await callPackagedNetlifyFunction(functions[0], "/api/entries", tempDir("jam-netlify-zip-")));
    if (backend === "firebase") {
      // firebase-admin's Firestore client (gRPC, its protos read from disk) works from the zip Netlify uploads.
      const firestore = await startFirestore();
      try {
        const res = await callPackagedNetlifyFunction(functions[0], "/api/comments?entry=hello-jamstack", tempDir("jam-netlify-zip-"), { env: firestoreEnv(firestore.host) });
        expect(await res.json()).toEqual({ comments: [], configured: true, posting: "signed-in" });
        expect(firestore.calls.map((c) => `${c.method} ${c.request.parent}`)).toEqual(["RunQuery projects/demo-jam/databases/(default)/documents/posts/hello-jamstack"]);
      } finally {
        await firestore.close();
      }
    }
  });

  it.runIf(commerce === "stripe")("checks out through the hosts' functions: 303 to the session Stripe created with the content's price", async () => {
    const stripe = await startStripeApi();
    const orders = await startReceiver();
    try {
      const env = { ...sellingEnv.stripe, STRIPE_API_URL: stripe.url, ORDER_WEBHOOK_URL: `${orders.url}/orders` };
      const onVercel = await callVercelApiFile(join(site, "apps/web"), "/api/checkout", { ...checkoutForm("jam-jar-mug"), env });
      expect(onVercel.status, await onVercel.clone().text()).toBe(303);
      expect(onVercel.headers.get("location")).toBe(stripe.sessionUrl);
      const onNetlify = await callNetlifyFunction(netlifyFunctions(join(site, "apps/web"))[0]!, "/api/checkout", { ...checkoutForm("jam-jar-mug"), env });
      expect(onNetlify.status).toBe(303);
      expect(stripe.calls.map((c) => `${c.method} ${c.url}`)).toEqual(["POST /v1/checkout/sessions", "POST /v1/checkout/sessions"]);
      expectMugSession(stripe.calls[0]?.body);
      const refused = await callVercelApiFile(join(site, "apps/web"), "/api/checkout", { ...checkoutForm("jam-jar-mug", "https://evil.example"), env });
      expect(refused.status).toBe(403);
      expect(stripe.calls).toHaveLength(2);
      // Stripe's event for the paid session: one signed order forwarded, with the quantity of the
      // session's line items; tampered or wrongly signed: 400, none; completed but unpaid (a delayed
      // method): 200, none.
      expect((await callVercelApiFile(join(site, "apps/web"), "/api/stripe-webhook", { ...stripeEvent({ tampered: true }), env })).status).toBe(400);
      expect((await callVercelApiFile(join(site, "apps/web"), "/api/stripe-webhook", { ...stripeEvent({ secret: "whsec_wrong" }), env })).status).toBe(400);
      expect((await callVercelApiFile(join(site, "apps/web"), "/api/stripe-webhook", { ...stripeEvent({ paymentStatus: "unpaid" }), env })).status).toBe(200);
      expect(orders.calls).toHaveLength(0);
      expect((await callVercelApiFile(join(site, "apps/web"), "/api/stripe-webhook", { ...stripeEvent(), env })).status).toBe(200);
      expect(stripe.calls.filter((c) => c.url.includes("/line_items")).map((c) => c.method)).toEqual(["GET"]);
      const verifyOrder = await readmeVerifyOrder();
      const forwarded = await Promise.all(orders.calls.map(async (c) => [c.method, c.url, JSON.parse(c.body).type, JSON.parse(c.body).items[0]?.product, JSON.parse(c.body).quantity, await verifyOrder(c.body, c.headers["order-signature"] as string, orderSecret)]));
      expect(forwarded).toEqual([["POST", "/orders", "order.paid", "jam-jar-mug", 2, true]]);
    } finally {
      await stripe.close();
      await orders.close();
    }
  });
});
