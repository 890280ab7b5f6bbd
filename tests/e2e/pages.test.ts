// GitHub Pages for real, offline: every framework the module offers there, built as the Pages
// workflow builds it (BASE_PATH=/my-site, SITE_URL the project site's address), then served under
// /my-site/ only by the static test host. Every link and asset of every page must resolve below
// /my-site/ (a crawl, and Chromium: zero 404s), and search must find an entry whose result link works.
import { execa } from "execa";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { builtPages, expectNoCspViolation } from "./security.ts";
import { registry } from "../../create-jam/src/engine/registry.ts";
import { findModule, isAllowed, modulesOf } from "../../create-jam/src/engine/stack.ts";
import { runCli, tempDir } from "../helpers.ts";
import { checkSite } from "./browser.ts";
import { demoPosts, gitIdentity, itHasNoUnusedCode, read } from "./helpers.ts";
import { serveStatic } from "./serve.ts";

const base = "/my-site";
// The frameworks GitHub Pages allows (its module's rules), each in the stack generated below.
const frameworks = modulesOf(registry, "framework")
  .map((m) => m.id)
  .filter((framework) => isAllowed(registry, { framework, rendering: "static", content: "markdown", commerce: "snipcart", auth: "none", backend: "none", search: "pagefind", deploy: ["github-pages"] }));

/** Every page reachable from `start`, and every href/src on them: each must stay below `base` and answer 200. */
async function crawl(start: string): Promise<{ pages: string[]; problems: string[] }> {
  const origin = new URL(start).origin;
  const seen = new Set<string>();
  const queue = [start];
  const problems: string[] = [];
  const pages: string[] = [];
  while (queue.length && pages.length < 200) {
    const url = queue.shift() as string;
    const res = await fetch(url);
    if (res.status !== 200) {
      problems.push(`${url}: HTTP ${res.status}`);
      continue;
    }
    if (!res.headers.get("content-type")?.includes("text/html")) continue;
    pages.push(url);
    const html = await res.text();
    for (const [, attr, value] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
      const target = new URL(value.replaceAll("&amp;", "&"), url);
      if (target.origin !== origin) continue;
      if (!target.pathname.startsWith(`${base}/`)) problems.push(`${url}: ${attr}="${value}" is outside ${base}/`);
      target.hash = "";
      if (!seen.has(target.href)) {
        seen.add(target.href);
        queue.push(target.href);
      }
    }
  }
  return { pages, problems };
}

describe.each(frameworks)("a %s site on GitHub Pages", (framework) => {
  const cwd = tempDir(`jam-e2e-pages-${framework}-`);
  const site = join(cwd, "site");
  const out = join(site, "apps/web", findModule(registry, "framework", framework)?.data?.outDir as string);

  it("is written and installed, and builds as its Pages workflow builds it", async () => {
    const r = await runCli(["site", "--yes", "--framework", framework, "--commerce", "snipcart", "--deploy", "github-pages", "--install", "--no-git"], { cwd, env: { CI: "true", ...gitIdentity }, timeout: 600_000 });
    expect(r.exitCode, r.all).toBe(0);
    const steps = parseYaml(read(site, ".github/workflows/pages.yml")).jobs.build.steps as { name: string; run?: string }[];
    const build = steps.find((s) => s.name === "Build")?.run as string;
    const env = { CI: "true", BASE_PATH: base, SITE_URL: `https://octo.github.io${base}`, PUBLIC_SNIPCART_API_KEY: "pk_test_snipcart_e2e" };
    const b = await execa("sh", ["-c", build], { cwd: site, reject: false, all: true, env });
    expect(b.exitCode, `${build}\n${b.all}`).toBe(0);
    // Snipcart's crawler fetches the product page at data-item-url: below the base path too.
    expect(read(out, "products/jam-jar-mug/index.html")).toContain(`data-item-url="${base}/products/jam-jar-mug/"`);
  });

  itHasNoUnusedCode(site);

  it("has every link and asset of every page below /my-site/, each answering 200", async () => {
    const server = await serveStatic(out, { base });
    try {
      const { pages, problems } = await crawl(`${server.url}/`);
      expect(problems).toEqual([]);
      // Home, about, the posts, the products, search: the crawl reached them all.
      expect(pages.length).toBeGreaterThanOrEqual(8);
      expect(pages).toContain(`${server.url}/posts/hello-jamstack/`);
    } finally {
      await server.close();
    }
  });

  it("renders in Chromium under /my-site/ with no 404: home, an entry, search and its result link", async () => {
    const server = await serveStatic(out, { base });
    try {
      await checkSite(server.url, {
        titles: demoPosts,
        entry: { title: "Hello, JAMstack", phrase: "served as plain HTML from a CDN" },
        search: { path: "/search/", query: "jamstack", followResult: true },
      });
      // Pages sets no headers: each page's <meta> is its only policy, and every page passes it.
      expect(read(out, "index.html")).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'/);
      await expectNoCspViolation(server.url, builtPages(out));
    } finally {
      await server.close();
    }
  });
});
