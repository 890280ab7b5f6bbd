// The sanitised corpus in a real browser (Debian's Chromium through playwright-core, as the e2e
// tests use it): loaded as a page of the site, every element hovered and focused, no dialog opens
// and nothing but an <img> the policy keeps on purpose (an https image from another host, as from
// a CMS's CDN) sends a request to another host: no script, frame, style sheet, plugin or fetch.
// The raw corpus in the same page does both, so the harness is not blind. Skipped where there is
// no Chromium.
import { existsSync } from "node:fs";
import { marked } from "marked";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { safeHtml } from "../src/safe-html.ts";
import { htmlVectors, urlVectors } from "./fixtures/xss-vectors.ts";

const chromiumPath = process.env.JAM_CHROMIUM ?? "/usr/bin/chromium";
const SITE = "https://site.test";

const corpus = [
  ...htmlVectors.map((v) => v.html),
  ...urlVectors.flatMap((url) => [`<a href="${url}">a link</a>`, `<img src="${url}">`]),
  marked.parse(urlVectors.map((url) => `[a link](${url}) ![an image](${url})`).join("\n\n"), { async: false }),
].map((html) => `<div class="entry">${html}</div>`);

/**
 * What happens when `bodies` are a page of the site: dialogs opened, requests to other hosts
 * (`leaks`; images apart, in `images`), links that are not http(s) or mailto.
 */
async function visit(bodies: string[]) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext();
    const dialogs: string[] = [];
    const leaks: string[] = [];
    const images: string[] = [];
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== SITE) {
        (route.request().resourceType() === "image" ? images : leaks).push(`${route.request().resourceType()} ${url.href}`);
        return route.abort();
      }
      if (url.pathname === "/") return route.fulfill({ contentType: "text/html", body: `<!doctype html><html><head><title>t</title></head><body>${bodies.join("\n")}</body></html>` });
      return route.fulfill({ status: 404, body: "" });
    });
    const page = await context.newPage();
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss().catch(() => {});
    });
    await page.goto(`${SITE}/`, { waitUntil: "load" });
    // Handlers that wait for a visitor: hover and focus everything once.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>("body *")) {
        for (const type of ["mouseover", "mouseenter", "mousemove", "focus", "focusin"]) el.dispatchEvent(new Event(type, { bubbles: true }));
        el.focus?.();
      }
    });
    await page.waitForTimeout(300);
    const links = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>("a[href]")].map((a) => a.protocol).filter((p) => !["http:", "https:", "mailto:"].includes(p)));
    // Each image once: Chromium may ask for the same one twice (a retry, a second <img>), which is no other host.
    return { dialogs, leaks, images: [...new Set(images)], links };
  } finally {
    await browser.close();
  }
}

describe.skipIf(!existsSync(chromiumPath))("the corpus in Chromium", () => {
  it("raw, opens dialogs and reaches the attacker's hosts (the harness sees XSS)", async () => {
    const { dialogs, leaks, links } = await visit(corpus);
    expect(dialogs.length).toBeGreaterThan(0);
    expect(leaks.length).toBeGreaterThan(0);
    expect(links).toContain("javascript:");
  }, 60_000);

  it("sanitised, opens no dialog, requests nothing but an https image from another host, links nowhere but http(s) and mailto", async () => {
    // `//xss.rocks/x` is another host's image, written out as https: fetched as any remote image is.
    expect(await visit(corpus.map(safeHtml))).toEqual({ dialogs: [], leaks: [], images: ["image https://xss.rocks/x"], links: [] });
  }, 60_000);
});
