// Algolia with the real algoliasearch v5 clients against a loopback server in Algolia's API shape
// (the clients' `hosts` option): the index step sends every entry and product page, the search page
// carries only the search-only key, and the lite client the search box uses finds the records.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { listEntries } from "@repo/content";
import { liteClient } from "algoliasearch/lite";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { searchRecords } from "../scripts/algolia-index.ts";
import { pages } from "../src/sections/search.ts";
import { startAlgolia } from "./algolia-server.ts";

const run = promisify(execFile);
const script = join(import.meta.dirname, "../scripts/algolia-index.ts");
let algolia: Awaited<ReturnType<typeof startAlgolia>>;
beforeAll(async () => {
  algolia = await startAlgolia();
});
afterAll(() => algolia.close());
afterEach(() => vi.unstubAllEnvs());

const env = (more: Record<string, string> = {}) => ({ ...process.env, ALGOLIA_APP_ID: "APPTEST", ALGOLIA_ADMIN_KEY: "admin-canary-key", ALGOLIA_HOSTS: algolia.host, ALGOLIA_INDEX_NAME: "site", ...more });

describe("the index step", () => {
  it("replaces the index with every post, page and product page", async () => {
    const { stdout } = await run(process.execPath, [script], { env: env() });
    const records = await searchRecords();
    expect(stdout).toContain(`search: ${records.length} records -> Algolia index "site".`);
    const posts = await listEntries("posts");
    expect(records.map((r) => r.path)).toEqual(expect.arrayContaining([...posts.map((p) => `/posts/${p.slug}/`), "/about/", "/products/jam-jar-mug/"]));
    expect(records.map((r) => r.path)).not.toContain("/products/");
    // replaceAllObjects: copy to a temporary index, fill it, move it over the index.
    const writes = algolia.calls.filter((c) => c.method === "POST").map((c) => c.path.replace(/_tmp_\d+/, "_tmp"));
    expect(writes).toEqual(["/1/indexes/site/operation", "/1/indexes/site_tmp/batch", "/1/indexes/site/operation", "/1/indexes/site_tmp/operation"]);
    // The settings the search page needs, set before the records, survive the copy and the move.
    const set = algolia.calls.filter((c) => c.method === "PUT" && c.path === "/1/indexes/site/settings");
    expect(set.map((c) => c.body)).toEqual([{ searchableAttributes: ["title", "description", "text"], attributesToRetrieve: ["path", "title", "description", "kind"], attributesToSnippet: ["text:20"] }]);
    expect(algolia.calls.indexOf(set[0] as (typeof algolia.calls)[number])).toBeLessThan(algolia.calls.findIndex((c) => c.path.endsWith("/batch")));
    expect(algolia.settings.get("site")).toMatchObject(set[0]?.body as object);
    expect(algolia.calls.every((c) => c.headers["x-algolia-api-key"] === "admin-canary-key" && c.headers["x-algolia-application-id"] === "APPTEST")).toBe(true);
    expect(algolia.indexes.get("site")?.map((r) => r.objectID).sort()).toEqual(records.map((r) => r.objectID).sort());
  });

  it("finds the records with the lite client the search box uses", async () => {
    const client = liteClient("APPTEST", "search-key", { hosts: [{ url: algolia.host, accept: "read", protocol: "http" }] });
    const { results } = await client.searchForHits<{ path: string }>({ requests: [{ indexName: "site", query: "stoneware" }] });
    expect(results[0]?.hits.map((h) => h.path)).toEqual(["/products/jam-jar-mug/"]);
  });

  it("says so in one line and skips without the variables", async () => {
    const { stdout } = await run(process.execPath, [script], { env: { ...process.env, ALGOLIA_APP_ID: "", ALGOLIA_ADMIN_KEY: "" } });
    expect(stdout.trim()).toBe("search: ALGOLIA_APP_ID and ALGOLIA_ADMIN_KEY not set: the Algolia index is not updated, and /search/ says search is not configured.");
  });

  it("fails with one sentence naming Algolia, where, and the index when it cannot be reached", async () => {
    const failed = await run(process.execPath, [script], { env: env({ ALGOLIA_HOSTS: "127.0.0.1:9" }) }).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^search: Algolia at 127\.0\.0\.1:9 did not take the settings and \d+ records of index "site": /);
  }, 30_000);
});

describe("the search page", () => {
  it("carries the search-only key, never the admin key, and loads its script on focus", async () => {
    vi.stubEnv("ALGOLIA_APP_ID", "APPTEST");
    vi.stubEnv("ALGOLIA_SEARCH_KEY", "search-only-key");
    vi.stubEnv("ALGOLIA_ADMIN_KEY", "admin-canary-key");
    const [page] = await pages();
    expect(page?.html).toContain('data-api-key="search-only-key"');
    expect(page?.html).not.toContain("admin-canary-key");
    expect(page?.html).toContain('box?.addEventListener("focus", load, { once: true })');
  });

  it("says search is not configured without the keys", async () => {
    vi.stubEnv("ALGOLIA_APP_ID", "");
    const [page] = await pages();
    expect(page?.html).toContain("Search is not configured yet");
    expect(page?.html).not.toContain("<jam-search");
  });
});
