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
import { ADMIN_CANARY, algoliaKeys, expectIndexed, searchInBrowser } from "./algolia.ts";
import { itHasNoUnusedCode, pnpmWith, read } from "./helpers.ts";
import { serveStatic } from "./serve.ts";
import { execa } from "execa";

describe("a static astro site searched with Algolia", () => {
  const cwd = tempDir("jam-algolia-");
  const site = join(cwd, "site");
  const out = join(site, "apps/web/dist");
  let algolia: Awaited<ReturnType<typeof startAlgolia>>;
  const keys = () => algoliaKeys(algolia);

  beforeAll(async () => {
    algolia = await startAlgolia();
  });
  afterAll(() => algolia?.close());

  it("is written and installed", async () => {
    const flags = ["--framework", "astro", "--rendering", "static", "--content", "markdown", "--commerce", "stripe", "--search", "algolia", "--deploy", "vercel"];
    const r = await runCli(["site", ...flags, "--install", "--no-git"], { cwd, env: { CI: "true" }, timeout: 600_000 });
    expect(r.exitCode, r.all).toBe(0);
  });

  itHasNoUnusedCode(site);

  it("builds without the variables: the index step skipped in one line, the page says search is not configured", async () => {
    const build = await pnpmWith({}, site, "build");
    expect(build.split("\n").filter((l) => l.includes("search: ALGOLIA_APP_ID and ALGOLIA_ADMIN_KEY not set"))).toHaveLength(1);
    expect(read(out, "search/index.html")).toContain("Search is not configured yet");
    expect(algolia.calls).toHaveLength(0);
  });

  it("fails the build with one sentence when Algolia cannot be reached", async () => {
    const r = await execa("pnpm", ["build"], { cwd: site, reject: false, all: true, stdin: "ignore", env: { CI: "true", ...keys(), ALGOLIA_HOSTS: "127.0.0.1:9" } });
    expect(r.exitCode).not.toBe(0);
    expect(r.all).toMatch(/search: Algolia at 127\.0\.0\.1:9 did not take the settings and \d+ records of index "site"/);
  });

  it("sends every post, page and product to the index after the build; the admin key is in no client file", async () => {
    const build = await pnpmWith(keys(), site, "build");
    expect(build).toMatch(/search: \d+ records -> Algolia index "site"\./);
    expectIndexed(algolia);
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.some((f) => f.name === "algolia-search.js")).toBe(true);
    for (const f of files) expect(readFileSync(join(f.parentPath, f.name), "latin1").includes(ADMIN_CANARY), f.name).toBe(false);
  });

  it("in Chromium, loads the search box's script on focus, queries the index and links the hit", async () => {
    const server = await serveStatic(out);
    try {
      // A static page: no script at all before the box is used.
      const scripts = await searchInBrowser(server.url, algolia);
      expect(scripts).toEqual(["/_jam/algolia-search.js"]);
    } finally {
      await server.close();
    }
  });
});
