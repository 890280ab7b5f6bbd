// A static page's Content-Security-Policy, made from the page itself once it is built: every inline
// <script> is allowed by its SHA-256 hash, so no page needs 'unsafe-inline' for scripts and a
// script an attacker gets into a page (a CMS field rendered raw) does not run. Written once for
// every framework: the built HTML is the one thing all seven share.
import { createHash } from "node:crypto";

/** Sources per directive, as the stack's modules give them (Contribution.csp), e.g. Snipcart's CDN. */
export type Directives = Record<string, string[]>;

// An opening <script> tag (attribute values may hold ">"), its text, and the closing tag. A script's
// text is raw text to the HTML parser: it ends at the first "</script", whatever precedes it.
const SCRIPT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /(?:^|\s)src\s*=/i;

/**
 * The hash source of each inline script of `html`, once each, in page order. The HTML parser turns
 * CR LF and CR into LF before a script's text reaches the CSP check, so the hash is over that.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = "", text = ""] of html.matchAll(SCRIPT)) {
    if (HAS_SRC.test(attributes)) continue;
    const normalised = text.replace(/\r\n?/g, "\n");
    hashes.add(`'sha256-${createHash("sha256").update(normalised, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/**
 * Origins from variables set at build time (a `$NAME` source): "host:port" or a URL, comma-separated,
 * http when no scheme is given, as the test servers' variables (ALGOLIA_HOSTS, an emulator's host) are.
 */
function fromEnv(source: string, env: Record<string, string | undefined>): string[] {
  if (!source.startsWith("$")) return [source];
  return (env[source.slice(1)] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `http://${s}`);
      return url.origin;
    });
}

/**
 * The policy of a page whose inline scripts hash to `hashes`. Only what a <meta> policy can carry:
 * frame-ancestors, report-uri and sandbox are ignored there (and Chromium reports frame-ancestors
 * as an error), so framing is the host's header (templates/shared/security-headers.ts). form-action
 * is the header's too: the policies add up, and the checkout's 303 to Stripe must pass both.
 */
export function pagePolicy(hashes: string[], directives: Directives = {}, env: Record<string, string | undefined> = {}): string {
  const extra = (name: string) => (directives[name] ?? []).flatMap((s) => fromEnv(s, env));
  const policy: Directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'", ...hashes, ...extra("script-src")],
    // The frameworks inline styles (Astro's scoped styles, Gatsby's and Next.js's critical CSS,
    // Svelte's transitions, style attributes): a style cannot run script, so inline styles stay allowed.
    "style-src": ["'self'", "'unsafe-inline'", ...extra("style-src")],
    // An image runs nothing: a post's images may come from any CMS's CDN, or a Strapi of its own.
    "img-src": ["*", "data:", "blob:", ...extra("img-src")],
    "font-src": ["'self'", "data:", ...extra("font-src")],
    "connect-src": ["'self'", ...extra("connect-src")],
    "frame-src": ["'self'", ...extra("frame-src")],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
  };
  for (const [name, sources] of Object.entries(directives)) if (!(name in policy) && name !== "form-action") policy[name] = sources.flatMap((s) => fromEnv(s, env));
  return Object.entries(policy)
    .map(([name, sources]) => [name, ...new Set(sources)].join(" "))
    .join("; ");
}

const HEAD = /<head\b(?:[^>"']|"[^"]*"|'[^']*')*>/i;
const CHARSET = /^\s*<meta\s+charset\s*=[^>]*>/i;
const OURS = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/g;

/**
 * `html` with its policy as the first element of <head> (after <meta charset>, which must stay in
 * the first 1024 bytes), so it covers every script after it. A page built twice (a cached step
 * rerun) gets its old policy replaced, not a second one. A page without <head> is left alone.
 */
export function withPagePolicy(html: string, directives: Directives = {}, env: Record<string, string | undefined> = {}): string | undefined {
  const clean = html.replace(OURS, "");
  const head = HEAD.exec(clean);
  if (!head) return undefined;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${pagePolicy(inlineScriptHashes(clean), directives, env).replaceAll('"', "&quot;")}">`;
  let at = head.index + head[0].length;
  const charset = CHARSET.exec(clean.slice(at));
  if (charset) at += charset[0].length;
  return clean.slice(0, at) + meta + clean.slice(at);
}
