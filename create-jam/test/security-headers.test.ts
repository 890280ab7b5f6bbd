// The security headers on every host and the pages' policy step, over the pairwise set of stacks
// (every pair of choices the rules allow appears in one): each host's own config carries the
// headers, Netlify's parser reads the _headers file Netlify and Cloudflare share, and every static
// build runs packages/security's step in the framework's own build script.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllHeaders } from "@netlify/headers-parser";
import { afterAll, describe, expect, it } from "vitest";
import { pairwise } from "../src/engine/matrix.ts";
import { registry } from "../src/engine/registry.ts";
import { findModule } from "../src/engine/stack.ts";
import type { Choices } from "../src/engine/types.ts";
import { plan } from "./helpers.ts";

const root = mkdtempSync(join(tmpdir(), "jam-security-headers-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const stacks = pairwise(registry).allowed;
// Where each hybrid framework's server hands its answers to packages/security (data.pageSecurity).
const serverHooks = {
  astro: { file: "apps/web/src/middleware.ts", imports: "@repo/security/response" },
  sveltekit: { file: "apps/web/src/hooks.server.ts", imports: "@repo/security/response" },
  nuxt: { file: "apps/web/server/plugins/security.ts", imports: "@repo/security/html" },
  next: { file: "apps/web/next.config.ts", imports: "@repo/security/headers.json" },
};
// Each stack planned once, for every test below.
const trees = new Map<Choices, ReturnType<typeof plan>>();
const planned = (c: Choices) => trees.get(c) ?? (trees.set(c, plan(c)), trees.get(c) as ReturnType<typeof plan>);
const name = (c: Choices) => `${c.framework}-${c.rendering}-${c.commerce}-${c.auth}-${c.search}-${c.deploy.join("+") || "none"}`;
/** Where the stack's _headers goes: the framework's public folder, or the app's root for SvelteKit's hybrid adapters. */
const headersPath = (c: Choices) => {
  const data = findModule(registry, "framework", c.framework)?.data ?? {};
  const dir = c.rendering === "hybrid" && c.framework === "sveltekit" ? "." : (data.publicDir as string);
  return dir === "." ? "apps/web/_headers" : `apps/web/${dir}/_headers`;
};

/** What every host must send with every page, whatever the stack. */
function expectHeaders(headers: Record<string, string>, c: Choices, where: string) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  expect(lower["x-frame-options"], where).toBe("DENY");
  expect(lower["x-content-type-options"], where).toBe("nosniff");
  expect(lower["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  const csp = lower["content-security-policy"] ?? "";
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("object-src 'none'");
  expect(csp, where).toContain("base-uri 'self'");
  // Stripe's 303 to its hosted page is a form's navigation too.
  const formAction = /form-action ([^;]*)/.exec(csp)?.[1].split(" ");
  expect(formAction, where).toEqual(c.commerce === "stripe" ? ["'self'", "https://checkout.stripe.com"] : ["'self'"]);
  // The header carries no script policy: a page's scripts are allowed by its own <meta>.
  expect(csp, where).not.toMatch(/script-src|unsafe-inline/);
}

describe("security headers on every host, over the pairwise stacks", { timeout: 300_000 }, () => {
  it("covers every host, framework and rendering", () => {
    expect(new Set(stacks.flatMap((c) => c.deploy))).toEqual(new Set(["vercel", "netlify", "cloudflare", "github-pages"]));
    expect(new Set(stacks.map((c) => `${c.framework}-${c.rendering}`)).size).toBeGreaterThanOrEqual(11);
  });

  it("Vercel: vercel.json sends them for every path", () => {
    const on = stacks.filter((c) => c.deploy.includes("vercel"));
    expect(on.length).toBeGreaterThan(3);
    for (const c of on) {
      const config = JSON.parse(planned(c).get("apps/web/vercel.json") as string);
      const all = config.headers.find((h: { source: string }) => h.source === "/(.*)");
      expect(all, name(c)).toBeDefined();
      expectHeaders(Object.fromEntries(all.headers.map((h: { key: string; value: string }) => [h.key, h.value])), c, name(c));
    }
  });

  it("Netlify and Cloudflare: one _headers in the framework's public folder, which Netlify's own parser reads", async () => {
    const on = stacks.filter((c) => c.deploy.includes("netlify") || c.deploy.includes("cloudflare"));
    expect(on.length).toBeGreaterThan(3);
    for (const c of on) {
      const tree = planned(c);
      const text = tree.get(headersPath(c));
      expect(text, name(c)).toBeDefined();
      const file = join(root, `${name(c)}._headers`);
      writeFileSync(file, text as string);
      const { headers, errors } = await parseAllHeaders({ headersFiles: [file], configHeaders: [], minimal: false });
      expect(errors, name(c)).toEqual([]);
      expect(headers.map((h: { for: string }) => h.for), name(c)).toEqual(["/*"]);
      expectHeaders(headers[0].values, c, name(c));
      // netlify.toml sets none of them: two sources would send a header twice.
      if (c.deploy.includes("netlify")) expect(tree.get("netlify.toml"), name(c)).not.toContain("headers");
    }
  });

  it("gives the headers as data for a host's own step (Vercel's Build Output), the same as the host configs'", () => {
    for (const c of stacks) {
      const tree = planned(c);
      expectHeaders(JSON.parse(tree.get("packages/security/headers.json") as string), c, name(c));
      if (c.rendering === "hybrid" && c.deploy.includes("vercel") && c.framework !== "next") expect(tree.has("packages/security/scripts/vercel-headers.ts"), name(c)).toBe(true);
    }
  });

  it("no _headers beside GitHub Pages or Vercel alone: nothing there reads it", () => {
    for (const c of stacks.filter((c) => !c.deploy.includes("netlify") && !c.deploy.includes("cloudflare"))) {
      expect(planned(c).get(headersPath(c)), name(c)).toBeUndefined();
    }
  });

  it("a static build hashes its pages' inline scripts in the framework's own build script, with the modules' sources", () => {
    for (const c of stacks) {
      const tree = planned(c);
      const build = JSON.parse(tree.get("apps/web/package.json") as string).scripts.build as string;
      if (c.rendering === "hybrid") {
        // Its pages are the server's answers: the framework's hook secures them, at build time and on
        // request, with the modules' sources; no step after the build.
        expect(build, name(c)).not.toContain("scripts/csp.ts");
        expect(tree.has("packages/security/scripts/csp.ts"), name(c)).toBe(false);
        const hook = serverHooks[c.framework as keyof typeof serverHooks];
        expect(hook, `${c.framework}: a hybrid framework's server secures its answers`).toBeDefined();
        expect(tree.get(hook.file), name(c)).toContain(hook.imports);
        const web = JSON.parse(tree.get("apps/web/package.json") as string);
        const security = JSON.parse(tree.get("packages/security/package.json") as string);
        const entry = hook.imports.replace("@repo/security", ".");
        expect(security.exports[entry], name(c)).toBeDefined();
        expect(tree.has(`packages/security/${security.exports[entry].replace("./", "")}`), name(c)).toBe(true);
        if (c.framework === "next") {
          // Headers only: Next.js's pages get no script policy (its README says why).
          expect(tree.has("packages/security/csp.json"), name(c)).toBe(false);
          expect(tree.get("README.md"), name(c)).toContain("Next.js's pages get no script policy");
        } else {
          // Bundled into the server: a dependency of the app, not a dev one.
          expect(web.dependencies["@repo/security"], name(c)).toBe("workspace:*");
          expect(JSON.parse(tree.get("packages/security/csp.json") as string).directives, name(c)).toEqual(expect.any(Object));
        }
        // On Vercel the adapters' Build Output config gets the headers, after the build in the same script.
        expect(build.endsWith(" && node ../../packages/security/scripts/vercel-headers.ts"), name(c)).toBe(c.deploy.includes("vercel") && c.framework !== "next");
        continue;
      }
      const outDir = findModule(registry, "framework", c.framework)?.data?.outDir as string;
      // Last in the same script (the same turbo task, so a cache hit restores the rewritten pages).
      expect(build, name(c)).toMatch(new RegExp(` && node \\.\\./\\.\\./packages/security/scripts/csp\\.ts ${outDir.replace(".", "\\.")}$`));
      const { directives } = JSON.parse(tree.get("packages/security/csp.json") as string);
      const sources = (d: string) => (directives[d] ?? []) as string[];
      expect(sources("script-src").includes("'wasm-unsafe-eval'"), name(c)).toBe(c.search === "pagefind");
      expect(sources("connect-src").includes("https://*.algolia.net"), name(c)).toBe(c.search === "algolia");
      expect(sources("script-src").includes("https://cdn.snipcart.com"), name(c)).toBe(c.commerce === "snipcart");
      expect(sources("connect-src").includes("https://identitytoolkit.googleapis.com"), name(c)).toBe(c.auth === "firebase");
      expect(Object.values(directives).flat(), name(c)).not.toContain("'unsafe-inline'");
    }
  });

  it("every host's README says what its headers protect and what they do not", () => {
    for (const c of stacks.filter((c) => c.deploy.length)) {
      const readme = planned(c).get("README.md") as string;
      for (const host of c.deploy) {
        if (host === "github-pages") expect(readme, name(c)).toContain("framing (`frame-ancestors` and `X-Frame-Options` work as headers only");
        else expect(readme, name(c)).toMatch(new RegExp(`### ${registry.find((m) => m.id === host)?.label}: security headers[\\s\\S]*What it does not:`));
      }
    }
  });
});
