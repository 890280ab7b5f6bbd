// Algolia's checks, shared by the static stack (algolia.test.ts) and the hybrid one (hybrid.test.ts):
// the index step's records, and the search box in Chromium against the loopback Algolia.
import { expect } from "vitest";
import type { startAlgolia } from "../../packages/sections/test/algolia-server.ts";
import { browser } from "./browser.ts";
import { membersPost } from "./auth.ts";
import { demoPosts } from "./helpers.ts";

type Algolia = Awaited<ReturnType<typeof startAlgolia>>;

/** The admin key is a canary: no client file may hold it. */
export const ADMIN_CANARY = "canary-algolia-admin-5e1f";

export const algoliaKeys = (algolia: Algolia) => ({ ALGOLIA_APP_ID: "APPE2E", ALGOLIA_SEARCH_KEY: "search-only-e2e", ALGOLIA_ADMIN_KEY: ADMIN_CANARY, ALGOLIA_HOSTS: algolia.host });

/**
 * The index "site" holds every demo post, the about page and the three demo products; with an auth
 * module also the members-only post, by its title and placeholder only (never its body).
 */
export function expectIndexed(algolia: Algolia, { members = false } = {}) {
  const records = algolia.indexes.get("site") ?? [];
  const paths = records.map((r) => r.path);
  expect(paths).toEqual(expect.arrayContaining(["/posts/hello-jamstack/", "/posts/writing-in-markdown/", "/posts/deploy-on-the-first-push/", "/about/", "/products/jam-jar-mug/"]));
  expect(paths).toHaveLength(demoPosts.length + 1 + 3 + (members ? 1 : 0));
  expect(paths.includes(membersPost.path)).toBe(members);
  expect(JSON.stringify(records)).not.toContain(membersPost.phrase);
  // The index step set what /search/ needs; nobody has to in the dashboard.
  expect(algolia.settings.get("site")?.searchableAttributes).toEqual(["title", "description", "text"]);
}

/** The search page loads no script until its box is used; then it queries Algolia and links the hit. */
export async function searchInBrowser(siteUrl: string, algolia: Algolia) {
  const context = await (await browser()).newContext();
  try {
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${siteUrl}/search/`, { waitUntil: "networkidle" });
    // A framework's own runtime (Nuxt's) may load; the search script may not.
    expect(scripts, "scripts before the box is focused").not.toContain("/_jam/algolia-search.js");
    const before = algolia.calls.length;
    await page.fill("jam-search input", "stoneware");
    await page.waitForSelector('jam-search .hits a[href="/products/jam-jar-mug/"]');
    expect(await page.textContent("jam-search .hits a")).toBe("Jam jar mug");
    expect(scripts).toContain("/_jam/algolia-search.js");
    const queries = algolia.calls.slice(before).filter((c) => c.path === "/1/indexes/*/queries");
    expect(queries.length).toBeGreaterThan(0);
    expect(JSON.stringify(queries.at(-1)?.body)).toContain("stoneware");
    return scripts;
  } finally {
    await context.close();
  }
}
