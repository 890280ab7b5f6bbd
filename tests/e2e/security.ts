// The security headers and the pages' Content-Security-Policy, as a host's local runtime serves
// them and as Chromium enforces them: every built page opened with no CSP violation, a page that
// another site cannot frame, and the headers on a page and on an API answer.
import { readdirSync } from "node:fs";
import { relative, sep } from "node:path";
import { expect } from "vitest";
import { browser } from "./browser.ts";

/** Every page of a static build, as the paths a browser asks for (posts/x/index.html -> /posts/x/). */
export function builtPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html") && !relative(dir, e.parentPath).split(sep).includes("pagefind"))
    .map((e) => `/${relative(dir, `${e.parentPath}/${e.name}`).split(sep).join("/")}`.replace(/index\.html$/, ""))
    .sort();
}

/**
 * The headers every host config sets (templates/shared/security-headers.ts), on a page's response
 * (fetched from `url`, or given): a host's, or a hybrid framework's server's own (packages/security's
 * hook). `meta: false` for pages that carry no script policy (Next.js's server's).
 */
export async function expectPageHeaders(url: string | Response, { meta = true }: { meta?: boolean } = {}) {
  const res = typeof url === "string" ? await fetch(url) : url;
  const where = typeof url === "string" ? url : res.url || "the answer";
  expect(res.status, where).toBe(200);
  expect(res.headers.get("x-frame-options"), where).toBe("DENY");
  expect(res.headers.get("x-content-type-options"), where).toBe("nosniff");
  expect(res.headers.get("referrer-policy"), where).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("content-security-policy"), where).toMatch(/frame-ancestors 'none'.*object-src 'none'.*base-uri 'self'.*form-action 'self'/);
  if (!meta) return;
  const html = await res.text();
  expect(html, `${where}: its policy <meta>, with its inline scripts' hashes`).toMatch(/<head\b[^>]*>\s*(?:<meta charset="?utf-8"?\s*\/?>)?\s*<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'[^"]*"/i);
  expect(html).not.toMatch(/script-src[^;"]*'unsafe-inline'/);
}

/** The router's headers (packages/functions/src/headers.ts), on an API answer. */
export async function expectApiHeaders(url: string) {
  const res = await fetch(url);
  expect(res.headers.get("content-security-policy"), url).toContain("default-src 'none'");
  expect(res.headers.get("x-content-type-options"), url).toBe("nosniff");
  expect(res.headers.get("x-frame-options"), url).toBe("DENY");
}

/**
 * Opens each path below siteUrl in Chromium and fails on any Content-Security-Policy violation it
 * reports (a blocked inline script, style, connection or frame): the policy each page carries must
 * let that page run. Other console errors are the other checks' business.
 */
export async function expectNoCspViolation(siteUrl: string, paths: string[]) {
  const context = await (await browser()).newContext();
  const violations: string[] = [];
  try {
    const page = await context.newPage();
    let where = "";
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(`${where}: ${m.text()}`);
    });
    await page.exposeFunction("__jamViolation", (text: string) => violations.push(`${where}: ${text}`));
    // In the page (a string: the tests' types have no DOM).
    await page.addInitScript('document.addEventListener("securitypolicyviolation", (e) => window.__jamViolation(e.violatedDirective + " blocked " + (e.blockedURI || "inline")))');
    for (const path of paths) {
      where = path;
      await page.goto(new URL(path.replace(/^\//, ""), siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`).href, { waitUntil: "load" });
      // Scripts loaded on load (a widget's import) have their moment.
      await page.waitForTimeout(200);
    }
  } finally {
    await context.close();
  }
  expect(violations, `CSP violations on ${paths.length} pages`).toEqual([]);
}

/**
 * In Chromium: a page of another origin that frames `url` gets nothing of it (frame-ancestors
 * 'none' and X-Frame-Options: DENY), while the same page frames a page without those headers
 * (the control), so the check can fail. `text` is on the page at `url`.
 */
export async function expectNotFramed(url: string, text: string) {
  const control = "https://control.example/";
  const context = await (await browser()).newContext();
  try {
    const page = await context.newPage();
    // The attacker's page, on an origin of its own (answered here: offline).
    await page.route(control, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><p>framed</p>" }));
    await page.route("https://attacker.example/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: `<!doctype html><title>attacker</title><iframe id="victim" src="${url}"></iframe><iframe id="control" src="${control}"></iframe>` }),
    );
    await page.goto("https://attacker.example/", { waitUntil: "load" });
    await page.waitForTimeout(500);
    const inner = async (id: string) => {
      const frame = await (await page.$(`#${id}`))?.contentFrame();
      return frame ? await frame.evaluate<string>('document.body ? document.body.innerText.trim() : ""').catch(() => "") : "";
    };
    expect(await inner("control"), "the control page, framed").toBe("framed");
    expect(await inner("victim"), `${url}, framed by another site`).not.toContain(text);
  } finally {
    await context.close();
  }
}
