// Algolia for real: a generated site (Astro, static, with Stripe's products) installed from the
// registry and built with the framework's own build; its index step (the turbo task `index`) sends
// every entry to a loopback server answering as Algolia's API does (ALGOLIA_HOSTS, the client's
// `hosts` option), no file of the client output holds the admin key, and in Chromium the search
// page loads its script only on focus, queries that server and shows the hit for a word of a product.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAlgolia } from "../../packages/sections/test/algolia-server.ts";
import { runCli, tempDir } from "../helpers.ts";
import { browser } from "./browser.ts";
import { demoPosts, pnpmWith, read } from "./helpers.ts";
import { serveStatic } from "./serve.ts";
import { execa } from "execa";

describe("a static astro site searched with Algolia", () => {
  const cwd = tempDir("jam-algolia-");
  const site = join(cwd, "site");
  const out = join(site, "apps/web/dist");
  let algolia: Awaited<ReturnType<typeof startAlgolia>>;
  const keys = () => ({ ALGOLIA_APP_ID: "APPE2E", ALGOLIA_SEARCH_KEY: "search-only-e2e", ALGOLIA_ADMIN_KEY: "canary-algolia-admin-5e1f", ALGOLIA_HOSTS: algolia.host });

  beforeAll(async () => {
    algolia = await startAlgolia();
  });
  afterAll(() => algolia?.close());

  it("is written and installed", async () => {
    const flags = ["--framework", "astro", "--rendering", "static", "--content", "markdown", "--commerce", "stripe", "--search", "algolia", "--deploy", "vercel"];
    const r = await runCli(["site", ...flags, "--install", "--no-git"], { cwd, env: { CI: "true" }, timeout: 600_000 });
    expect(r.exitCode, r.all).toBe(0);
  });

  it("builds without the variables: the index step skipped in one line, the page says search is not configured", async () => {
    const build = await pnpmWith({}, site, "build");
    expect(build.split("\n").filter((l) => l.includes("search: ALGOLIA_APP_ID and ALGOLIA_ADMIN_KEY not set"))).toHaveLength(1);
    expect(read(out, "search/index.html")).toContain("Search is not configured yet");
    expect(algolia.calls).toHaveLength(0);
  });

  it("fails the build with one sentence when Algolia cannot be reached", async () => {
    const r = await execa("pnpm", ["build"], { cwd: site, reject: false, all: true, stdin: "ignore", env: { CI: "true", ...keys(), ALGOLIA_HOSTS: "127.0.0.1:9" } });
    expect(r.exitCode).not.toBe(0);
    expect(r.all).toMatch(/search: Algolia at 127\.0\.0\.1:9 did not take the \d+ records of index "site"/);
  });

  it("sends every post, page and product to the index after the build; the admin key is in no client file", async () => {
    const build = await pnpmWith(keys(), site, "build");
    expect(build).toMatch(/search: \d+ records -> Algolia index "site"\./);
    const paths = (algolia.indexes.get("site") ?? []).map((r) => r.path);
    expect(paths).toEqual(expect.arrayContaining(["/posts/hello-jamstack/", "/posts/writing-in-markdown/", "/posts/deploy-on-the-first-push/", "/about/", "/products/jam-jar-mug/"]));
    expect(paths).toHaveLength(demoPosts.length + 1 + 3);
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.some((f) => f.name === "algolia-search.js")).toBe(true);
    for (const f of files) expect(readFileSync(join(f.parentPath, f.name), "latin1").includes("canary-algolia-admin-5e1f"), f.name).toBe(false);
  });

  it("in Chromium, loads the search box's script on focus, queries the index and links the hit", async () => {
    const server = await serveStatic(out);
    const context = await (await browser()).newContext();
    try {
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on("request", (r) => {
        if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
      });
      await page.goto(`${server.url}/search/`, { waitUntil: "networkidle" });
      expect(scripts, "scripts before the box is focused").toEqual([]);
      const before = algolia.calls.length;
      await page.fill("jam-search input", "stoneware");
      await page.waitForSelector('jam-search .hits a[href="/products/jam-jar-mug/"]');
      expect(await page.textContent("jam-search .hits a")).toBe("Jam jar mug");
      expect(scripts).toContain("/_jam/algolia-search.js");
      const queries = algolia.calls.slice(before).filter((c) => c.path === "/1/indexes/*/queries");
      expect(queries.length).toBeGreaterThan(0);
      expect(JSON.stringify(queries.at(-1)?.body)).toContain("stoneware");
    } finally {
      await context.close();
      await server.close();
    }
  });
});
