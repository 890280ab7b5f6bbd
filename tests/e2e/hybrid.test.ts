// Hybrid stacks for real: for every framework whose module data allows `--rendering hybrid`, the
// generated site is installed and built, its own production server runs on localhost (the Node
// adapter: what runs offline), pages render in Chromium with search, and the server route answers.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { matrix } from "../../create-jam/src/engine/matrix.ts";
import { registry } from "../../create-jam/src/engine/registry.ts";
import { runCli, tempDir } from "../helpers.ts";
import { checkSite } from "./browser.ts";
import { demoPosts, pnpm } from "./helpers.ts";
import { startServer } from "./serve.ts";

const hybrid = [...new Set(matrix(registry).allowed.filter((c) => c.rendering === "hybrid").map((c) => c.framework))];

describe.each(hybrid)("a hybrid %s site", (framework) => {
  const cwd = tempDir(`jam-hybrid-${framework}-`);
  const site = join(cwd, "site");
  const flags = ["--framework", framework, "--rendering", "hybrid", "--content", "markdown", "--search", "pagefind", "--deploy", "vercel,netlify"];

  it("is written, installed and built", async () => {
    const r = await runCli(["site", ...flags, "--install", "--no-git"], { cwd, env: { CI: "true" }, timeout: 600_000 });
    expect(r.exitCode, r.all).toBe(0);
    await pnpm(site, "build");
  });

  it("serves pages, search and its server route from the framework's own server", async () => {
    const server = await startServer("pnpm", ["run", "start"], { cwd: join(site, "apps/web") });
    try {
      await checkSite(server.url, {
        titles: demoPosts,
        entry: { title: "Hello, JAMstack", phrase: "served as plain HTML from a CDN" },
        search: { path: "/search/", query: "jamstack" },
      });
      const res = await fetch(`${server.url}/api/entries`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      const entries = (await res.json()) as { title: string }[];
      expect(entries.map((e) => e.title)).toEqual(expect.arrayContaining(demoPosts));
    } finally {
      await server.close();
    }
  });

  it("type-checks and lints clean", async () => {
    await pnpm(site, "check-types");
    await pnpm(site, "lint");
  });
});
