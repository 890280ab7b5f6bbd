// A generated site seen in a real browser: Debian's Chromium driven by playwright-core (no browser
// download). One Chromium per test file, started on first use and closed after the file's tests.
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, expect } from "vitest";

export const chromiumPath = process.env.JAM_CHROMIUM ?? "/usr/bin/chromium";

let shared: Promise<Browser> | undefined;
export function browser(): Promise<Browser> {
  shared ??= chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  return shared;
}
afterAll(async () => {
  await (await shared)?.close();
  shared = undefined;
});

export interface SiteExpectations {
  /** Entry titles the home page must link to. */
  titles: string[];
  /** The entry reached by following its link from the home page: its h1 and a phrase from its body. */
  entry: { title: string; phrase: string };
  /** A search page (e.g. "/search/") whose Pagefind UI (default or component) must find `entry.title` for `query`. */
  search?: { path: string; query: string; followResult?: boolean };
}

/**
 * Visits the home page, follows the link to `entry`, optionally searches, and expects the expected text on
 * each, and no console error, page error, failed request or HTTP status >= 400 anywhere on the way.
 * Every failure names the page it happened on. Returns the URLs visited.
 */
export async function checkSite(baseUrl: string, { titles, entry, search }: SiteExpectations): Promise<string[]> {
  // Paths are the site's own, below baseUrl's path (a site under /my-site/ included).
  const home = new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  const at = (path: string) => new URL(path.replace(/^\//, ""), home);
  const context = await (await browser()).newContext();
  const page = await context.newPage();
  let where = "";
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${where}: console error: ${m.text()}${m.location().url ? ` (${m.location().url})` : ""}`);
  });
  page.on("pageerror", (e) => problems.push(`${where}: page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    // ERR_ABORTED: cancelled by the page itself, e.g. a router's prefetch when a link is followed.
    const why = r.failure()?.errorText;
    if (why !== "net::ERR_ABORTED") problems.push(`${where}: request failed: ${r.method()} ${r.url()} (${why})`);
  });
  const requested: { where: string; url: string }[] = [];
  page.on("request", (r) => requested.push({ where, url: r.url() }));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${where}: HTTP ${r.status()} for ${r.request().method()} ${r.url()}`);
  });
  const visited: string[] = [];
  const open = async (path: string) => {
    where = `page ${path}`;
    const response = await page.goto(at(path).href, { waitUntil: "load" });
    expect(response?.status(), `${where}: status`).toBe(200);
    visited.push(page.url());
  };
  const settle = () => page.waitForLoadState("networkidle").catch(() => {}); // late requests still count

  let failure: unknown;
  try {
    await open("/");
    // The site's stylesheet (packages/theme/site.css) applies: the body is its 42rem column.
    // (A string: this project type-checks without the DOM library.)
    const maxWidth = await page.evaluate<string>("getComputedStyle(document.body).maxWidth");
    expect(maxWidth, `${where}: the body's max-width (is the stylesheet of @repo/theme loaded?)`).toBe("672px");
    const links = await page.getByRole("link").allInnerTexts();
    for (const title of titles) {
      expect(links.some((l) => l.includes(title)), `${where}: no link to "${title}"; its links: ${JSON.stringify(links)}`).toBe(true);
    }
    await settle();
    // Search is its own page: the home page (prefetches included) fetches none of Pagefind's files.
    const searchFiles = requested.filter((r) => r.where === where && new URL(r.url).pathname.startsWith(at("/pagefind/").pathname));
    expect(searchFiles.map((r) => r.url), `${where}: fetched Pagefind files`).toEqual([]);

    // Follow the link as a reader would (client-side routing included), then read the entry.
    const link = page.getByRole("link", { name: entry.title }).first();
    where = `entry page ${await link.getAttribute("href")} (followed from /)`;
    await link.click();
    await page.waitForURL((u) => u.pathname !== home.pathname, { timeout: 10_000 }).catch(() => {});
    visited.push(page.url());
    await page.getByRole("heading", { level: 1, name: entry.title }).waitFor({ timeout: 10_000 }).catch(() => {});
    expect(await page.locator("h1").allInnerTexts(), `${where}: its h1`).toEqual([entry.title]);
    expect(await page.locator("body").innerText(), `${where}: body text`).toContain(entry.phrase);
    await settle();

    if (search) {
      await open(search.path);
      await typeAndWait(page, search.query, entry.title, where);
      await settle();
      if (search.followResult) {
        // The result's link leads to the entry (below the base path too).
        const result = page.locator(resultLink, { hasText: entry.title }).first();
        where = `search result ${await result.getAttribute("href")}`;
        await result.click();
        await page.getByRole("heading", { level: 1, name: entry.title }).waitFor({ timeout: 10_000 }).catch(() => {});
        expect(await page.locator("h1").allInnerTexts(), `${where}: its h1`).toEqual([entry.title]);
        visited.push(page.url());
        await settle();
      }
    }
  } catch (e) {
    failure = e;
  } finally {
    await context.close();
  }
  const seen = problems.length ? `\n${problems.length} problem(s) seen in the browser at ${baseUrl}:\n${problems.join("\n")}` : "";
  if (failure instanceof Error) failure.message += seen;
  if (failure) throw failure;
  if (seen) throw new Error(seen.trimStart());
  return visited;
}

// Pagefind's UIs: the default one (PagefindUI) and the component UI (<pagefind-input>, <pagefind-results>).
const searchInput = ".pagefind-ui__search-input, .pf-input";
const resultLink = ".pagefind-ui__result-link, .pf-result-link";

/** Types into the Pagefind search input and waits for a result link holding `title`. */
async function typeAndWait(page: Page, query: string, title: string, where: string) {
  const input = page.locator(searchInput).first();
  await input.waitFor({ timeout: 10_000 }).catch(() => {});
  expect(await input.count(), `${where}: no Pagefind search input (${searchInput})`).toBeGreaterThan(0);
  await input.fill(query);
  const found = await page.locator(resultLink, { hasText: title }).first().waitFor({ timeout: 15_000 }).then(() => true, () => false);
  const shown = await page.locator(resultLink).allInnerTexts();
  expect(found, `${where}: searching "${query}" showed no result "${title}"; results: ${JSON.stringify(shown)}`).toBe(true);
}

/**
 * A fresh browser context on a site: runs `steps` on a new page, then fails on any page error or
 * any response of the site's own >= 400 that `expected` does not allow (a 401 a test asks for).
 * What was seen is added to a failing step's message.
 */
export async function onSite(siteUrl: string, steps: (page: Page, context: BrowserContext) => Promise<void>, expected: (status: number, url: string) => boolean = () => false) {
  const context = await (await browser()).newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("response", (r) => {
    if (r.url().startsWith(siteUrl) && r.status() >= 400 && !expected(r.status(), r.url())) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  try {
    await steps(page, context);
  } catch (error) {
    if (error instanceof Error && problems.length) error.message += `\nseen in the browser:\n${problems.join("\n")}`;
    throw error;
  } finally {
    await context.close();
  }
  expect(problems).toEqual([]);
}
