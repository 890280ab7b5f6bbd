// Hybrid stacks for real: for every framework whose module data allows `--rendering hybrid`, the
// generated site is installed and built, its own production server runs on localhost (the Node
// adapter: what runs offline), pages render in Chromium with search, and the server route answers.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers.ts";
import { checkSite } from "./browser.ts";
import { callNetlifyFunction, callVercelFunction, netlifyBuild, netlifyFunctions, servesPath, vercelRouteHeaders } from "./deploy-outputs.ts";
import { demoPosts, itHasNoUnusedCode, pnpm, pnpmWith } from "./helpers.ts";
import { freePort, startServer } from "./serve.ts";
import { cookiesOf, startOidc } from "../../packages/functions/test/oidc-server.ts";
import { auth0Env, expectMembersRefused, firebaseEnv, oidcSignIn, signInInBrowser, signInWithFirebaseInBrowser } from "./auth.ts";
import { commentInBrowser, firestoreEnv, supabaseEnv, supabaseServiceKey, turnstileEnv } from "./comments.ts";
import { startSiteverify } from "../../packages/functions/test/siteverify-server.ts";
import { startAuthEmulator } from "../../packages/functions/test/firebase-emulator.ts";
import { startFirestore } from "../../packages/functions/test/firestore-server.ts";
import { startPostgrest } from "../../packages/functions/test/postgrest-server.ts";
import { startAlgolia } from "../../packages/sections/test/algolia-server.ts";
import { algoliaKeys, expectIndexed, searchInBrowser } from "./algolia.ts";
import { buyInBrowser, checkoutForm, crawlLikeSnipcart, expectMugSession, expectSnipcartOnReach, sellingEnv, startStripeApi } from "./commerce.ts";
import { hybridStacks } from "./hybrid-stacks.ts";
import { expectHybridOnWorkers } from "./workers.ts";
import { expectNoCspViolation, expectNotFramed, expectPageHeaders } from "./security.ts";

// Next.js's Vercel output is written by Vercel's own builder (`vercel build`), not by `next build`,
// and the Vercel CLI cannot be installed from this registry (its pinned sandbox@4.4.0 is missing).
const vercelOutputFromBuild = (framework: string) => framework !== "next";
// Netlify's Next.js runtime loads its handlers from /var/task (AWS Lambda's folder), so outside
// Lambda only its packaging can be checked; the other functions are called here.
const netlifyCallable = (framework: string) => framework !== "next";

async function expectEntries(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  const entries = (await res.json()) as { title: string }[];
  expect(entries.map((e) => e.title)).toEqual(expect.arrayContaining(demoPosts));
}

async function expectPost(res: Response) {
  expect(res.status).toBe(200);
  expect(await res.text()).toContain("Hello, JAMstack");
}

describe.each(hybridStacks)("a hybrid $framework site selling with $commerce, signing in with $auth, searched with $search", ({ framework, commerce, search, auth, backend, flags: moduleFlags, cloudflare }) => {
  const cwd = tempDir(`jam-hybrid-${framework}-`);
  const site = join(cwd, "site");
  const flags = ["--framework", framework, "--rendering", "hybrid", "--content", "markdown", "--commerce", commerce, "--auth", auth, "--backend", backend, ...moduleFlags, "--search", search, "--deploy", cloudflare ? "vercel,netlify,cloudflare" : "vercel,netlify"];
  let algolia: Awaited<ReturnType<typeof startAlgolia>> | undefined;
  const searchEnv = () => (algolia ? algoliaKeys(algolia) : {});
  afterAll(() => algolia?.close());
  // The Auth emulator's port, chosen before the build writes it into the sign-in page.
  let emulatorHost = "";
  beforeAll(async () => {
    emulatorHost = `127.0.0.1:${await freePort()}`;
  });

  it("is written, installed and built", async () => {
    const r = await runCli(["site", ...flags, "--install", "--no-git"], { cwd, env: { CI: "true" }, timeout: 600_000 });
    expect(r.exitCode, r.all).toBe(0);
    if (search === "algolia") algolia = await startAlgolia();
    // Built with the provider's key: its product pages (pre-rendered) carry the real control.
    // With Algolia's keys, the build's index step sends every entry to the loopback Algolia.
    await pnpmWith({ ...sellingEnv[commerce], ...searchEnv(), ...(auth === "firebase" ? firebaseEnv(emulatorHost) : {}) }, site, "build");
    if (algolia) expectIndexed(algolia, { members: auth !== "none" });
  });

  itHasNoUnusedCode(site);

  it("serves pages, search and its server route from the framework's own server", async () => {
    const server = await startServer("pnpm", ["run", "start"], { cwd: join(site, "apps/web"), env: searchEnv() });
    try {
      await checkSite(server.url, {
        titles: demoPosts,
        entry: { title: "Hello, JAMstack", phrase: "served as plain HTML from a CDN" },
        ...(algolia ? {} : { search: { path: "/search/", query: "jamstack" } }),
      });
      if (algolia) await searchInBrowser(server.url, algolia);
      await expectEntries(await fetch(`${server.url}/api/entries`));
      // The server's own answers carry the hosts' headers and, but for Next.js's, each page's script
      // policy (packages/security's hook): a page rendered on request, framed by no one, and pages
      // pre-rendered by the same server, all without a violation in Chromium.
      const post = `${server.url}/posts/hello-jamstack/`;
      await expectPageHeaders(post, { meta: framework !== "next" });
      await expectNotFramed(post, "Hello, JAMstack");
      await expectNoCspViolation(server.url, ["/", "/posts/hello-jamstack/", "/products/jam-jar-mug/", ...(algolia ? [] : ["/search/"])]);
    } finally {
      await server.close();
    }
  });

  it.runIf(commerce === "stripe")("checks out from its own server: 303 to the session Stripe created with the content's price, in Chromium too; 403 from elsewhere", async () => {
    const stripe = await startStripeApi();
    // SvelteKit's Node server takes its origin to be https://<host> unless told the protocol (adapter-node's
    // PROTOCOL_HEADER, as behind a proxy; or ORIGIN); the others read the request as it came.
    const env = { ...sellingEnv.stripe, STRIPE_API_URL: stripe.url, PROTOCOL_HEADER: "x-forwarded-proto" };
    const proto = { "x-forwarded-proto": "http" };
    const server = await startServer("pnpm", ["run", "start"], { cwd: join(site, "apps/web"), env });
    try {
      const post = (origin: string) => {
        const form = checkoutForm("jam-jar-mug", origin);
        return fetch(`${server.url}/api/checkout/`, { ...form, headers: { ...form.headers, ...proto }, redirect: "manual" });
      };
      const res = await post(server.url);
      expect(res.status, await res.clone().text()).toBe(303);
      expect(res.headers.get("location")).toBe(stripe.sessionUrl);
      expect(stripe.calls).toHaveLength(1);
      expectMugSession(stripe.calls[0]?.body);
      expect((await post("https://evil.example")).status).toBe(403);
      expect(stripe.calls).toHaveLength(1);
      await buyInBrowser(`${server.url}/products/jam-jar-mug/`, stripe.sessionUrl, proto);
      // The browser's visit to the session's page is recorded too: count the sessions created.
      expect(stripe.calls.filter((c) => c.method === "POST" && c.url === "/v1/checkout/sessions")).toHaveLength(2);
    } finally {
      await server.close();
      await stripe.close();
    }
  });

  it.runIf(commerce === "snipcart")("serves product pages that pass Snipcart's crawler check, and loads Snipcart only when the buyer reaches for it", async () => {
    const server = await startServer("pnpm", ["run", "start"], { cwd: join(site, "apps/web") });
    try {
      // Outside the site: its lint and type checks must not see these copies.
      const out = tempDir("jam-served-");
      // The crawler reads the served pages: fetch each product page from the server first.
      for (const slug of ["jam-jar-mug", "static-sticker-pack"]) {
        const res = await fetch(`${server.url}/products/${slug}/`);
        expect(res.status).toBe(200);
        mkdirSync(join(out, "products", slug), { recursive: true });
        writeFileSync(join(out, "products", slug, "index.html"), await res.text());
      }
      await crawlLikeSnipcart(out, server.url, ["jam-jar-mug", "static-sticker-pack"]);
      await expectSnipcartOnReach(`${server.url}/products/jam-jar-mug/`);
    } finally {
      await server.close();
    }
  });

  it.runIf(auth === "auth0")("signs in through a local OIDC server set up as Auth0 is, on its own server: the session, /api/auth/me, a foreign returnTo, sign-out; in Chromium too", async () => {
    const port = await freePort();
    const siteUrl = `http://127.0.0.1:${port}`;
    const oidc = await startOidc(siteUrl);
    const env = auth0Env(oidc);
    const server = await startServer("pnpm", ["run", "start"], { cwd: join(site, "apps/web"), env, port });
    try {
      const me = async (cookie = "") => (await fetch(`${siteUrl}/api/auth/me/`, { headers: { cookie } })).json();
      expect(await me()).toEqual({ user: null, configured: true });
      const start = await fetch(`${siteUrl}/api/auth/login/?returnTo=${encodeURIComponent("/account/")}`, { redirect: "manual" });
      expect(start.status).toBe(302);
      const back = await oidc.signIn(start.headers.get("location") as string, "ada");
      expect(back.origin).toBe(siteUrl);
      const done = await fetch(back, { redirect: "manual", headers: { cookie: cookiesOf(start) } });
      expect(done.status, await done.clone().text()).toBe(303);
      expect(done.headers.get("location")).toBe("/account/");
      const session = done.headers.getSetCookie().find((c) => c.startsWith("__Host-jam_session="));
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);
      expect(await me(cookiesOf(done))).toMatchObject({ configured: true, user: { id: "ada", email: "ada@example.com" } });
      // A tampered cookie (one character of its ciphertext changed) counts as signed out.
      const value = (session as string).split(";")[0]?.slice("__Host-jam_session=".length) ?? "";
      const at = Math.floor(value.length / 2);
      const tampered = `${value.slice(0, at)}${value[at] === "A" ? "B" : "A"}${value.slice(at + 1)}`;
      expect(await me(`__Host-jam_session=${tampered}`)).toEqual({ user: null, configured: true });
      const out = await fetch(`${siteUrl}/api/auth/logout/`, { redirect: "manual", headers: { cookie: cookiesOf(done) } });
      expect(out.headers.getSetCookie().some((c) => /^__Host-jam_session=;/.test(c))).toBe(true);
      expect(new URL(out.headers.get("location") as string).origin).toBe(oidc.issuer);
      // returnTo to another host is ignored: back to the home page.
      const away = await fetch(`${siteUrl}/api/auth/login/?returnTo=${encodeURIComponent("https://evil.example/")}`, { redirect: "manual" });
      const awayBack = await fetch(await oidc.signIn(away.headers.get("location") as string, "ada"), { redirect: "manual", headers: { cookie: cookiesOf(away) } });
      expect(awayBack.headers.get("location")).toBe("/");
      await expectMembersRefused(siteUrl);
      await signInInBrowser(siteUrl, oidcSignIn(oidc));
    } finally {
      await server.close();
      await oidc.close();
    }
  });

  it.runIf(backend === "supabase")("takes comments on a post in Chromium from a signed-in visitor, as text, on its own server; refuses them without a session or from elsewhere", async () => {
    const port = await freePort();
    const oidc = await startOidc(`http://127.0.0.1:${port}`);
    const rest = await startPostgrest(supabaseServiceKey);
    const server = await startServer("pnpm", ["run", "start"], { cwd: join(site, "apps/web"), env: { ...auth0Env(oidc), ...supabaseEnv(rest.url) }, port });
    try {
      await commentInBrowser(server.url, oidcSignIn(oidc));
      expect(rest.rows.map((r) => [r.entry, r.user_id])).toEqual([["hello-jamstack", "ada"]]);
    } finally {
      await server.close();
      await rest.close();
      await oidc.close();
    }
  });

  it.runIf(auth === "firebase")("signs in with Firebase Auth on its own server, in Chromium against the Auth emulator: /sign-in/, the members-only post, /account/, sign-out", async () => {
    const emulator = await startAuthEmulator("demo-jam", Number(emulatorHost.split(":")[1]));
    const server = await startServer("pnpm", ["run", "start"], { cwd: join(site, "apps/web"), env: firebaseEnv(emulator.host) });
    try {
      await expectMembersRefused(server.url);
      await signInWithFirebaseInBrowser(server.url);
    } finally {
      await server.close();
      await emulator.close();
    }
  });

  it.runIf(backend === "firebase")("takes comments in Chromium from anyone who gives a name and passes Turnstile (--anonymous-comments), stored in Firestore, on its own server", async () => {
    const firestore = await startFirestore();
    const siteverify = await startSiteverify();
    const port = await freePort();
    // SvelteKit's Node server takes its origin to be https://<host> (adapter-node 6 has no ORIGIN):
    // the handler takes SITE_URL's origin as the site's too.
    const server = await startServer("pnpm", ["run", "start"], { cwd: join(site, "apps/web"), env: { ...firestoreEnv(firestore.host), ...turnstileEnv(siteverify.url), SITE_URL: `http://127.0.0.1:${port}` }, port });
    try {
      await commentInBrowser(server.url, { anonymous: true, name: "Grace" });
      // The widget's token was checked on the server, once, for this site and the comment action.
      expect(siteverify.calls.map((c) => new URLSearchParams(c.body).get("response")?.replace(/[^:]+$/, "<n>"))).toEqual(["pass:127.0.0.1:comment:<n>"]);
      // The comment (what the page shows) and, apart, its author's user id (no rule lets a client read it).
      const stored = [...firestore.documents.values()].map((d) => [d.name.split("/documents/")[1]?.replace(/[^/]+$/, "<id>"), d.fields.userId?.stringValue, d.fields.authorName?.stringValue]);
      expect(stored).toEqual([
        ["posts/hello-jamstack/comments/<id>", undefined, "Grace"],
        ["commentAuthors/<id>", "anonymous", undefined],
      ]);
    } finally {
      await server.close();
      await firestore.close();
      await siteverify.close();
    }
  });

  it("type-checks and lints clean", async () => {
    await pnpm(site, "check-types");
    await pnpm(site, "lint");
  });

  it.runIf(vercelOutputFromBuild(framework))("builds for Vercel: its functions serve /api/entries and render a post on request", async () => {
    await pnpmWith({ VERCEL: "1" }, site, "build");
    const output = join(site, "apps/web/.vercel/output");
    await expectEntries(await callVercelFunction(output, "/api/entries"));
    await expectPost(await callVercelFunction(output, "/posts/hello-jamstack/"));
    // The adapter's config is what Vercel serves by: the build's last step put the security headers
    // in front of its routes, for the pre-rendered home page and the post rendered on request alike.
    for (const path of ["/", "/posts/hello-jamstack/"]) {
      const headers = vercelRouteHeaders(output, path);
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["content-security-policy"], path).toMatch(/^frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'/);
    }
  });

  it("builds with Netlify's own build, which packages its server function for every route", async () => {
    await netlifyBuild(site);
    const web = join(site, "apps/web");
    const functions = netlifyFunctions(web).filter((fn) => servesPath(fn, "/api/entries") && servesPath(fn, "/posts/hello-jamstack/"));
    expect(functions, JSON.stringify(netlifyFunctions(web))).toHaveLength(1);
    expect(functions[0].buildData.runtimeAPIVersion).toBe(2);
    if (!netlifyCallable(framework)) return;
    await expectEntries(await callNetlifyFunction(functions[0], "/api/entries"));
    // Netlify adds no `_headers` to its function's answers: the framework's server sets them.
    await expectPageHeaders((await callNetlifyFunction(functions[0], "/posts/hello-jamstack/")).clone(), { meta: framework !== "next" });
    await expectPost(await callNetlifyFunction(functions[0], "/posts/hello-jamstack/"));
  });

  // Last: its build replaces the Node server's output.
  it.runIf(cloudflare)("builds for Cloudflare with the framework's adapter and runs in workerd: pages in Chromium, a post rendered on request, /api/entries, checkout", async () => {
    await expectHybridOnWorkers(site, { framework, commerce, search, env: searchEnv() });
  });
});
