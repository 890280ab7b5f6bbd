// A form POST that changes something (a checkout) must come from the site's own pages: browsers
// send Origin on every POST, so a page elsewhere cannot start a checkout in the visitor's name.
// Hybrid Astro and SvelteKit check this themselves; a static site's host functions and the other
// frameworks do not, so the handlers do.
import { env } from "./env.ts";

/** Whether `request` may act: no Origin (not a browser), or the site's own (its URL, or SITE_URL's). */
export function fromSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (request.headers.get("sec-fetch-site") === "cross-site") return false;
  if (!origin) return true;
  if (origin === new URL(request.url).origin) return true;
  const site = env("SITE_URL");
  return !!site && URL.canParse(site) && origin === new URL(site).origin;
}
