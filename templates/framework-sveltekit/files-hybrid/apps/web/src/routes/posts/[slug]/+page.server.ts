import { getEntry } from "@repo/content";
import { entryCacheHeaders } from "@repo/functions/cache";
import { error } from "@sveltejs/kit";
import type { PageServerLoad } from "./$types";

// Rendered on request (the Node server locally, a function on Vercel and Netlify), not at build.
// On Vercel, `config.isr` makes it an ISR function: the page is kept 60 s, then regenerated in the
// background by the next request that finds it stale, or at once by /api/revalidate with the
// bypass token (read at build). Elsewhere the headers ask the CDN for the same (Netlify's durable
// cache, tagged so that /api/revalidate can purge the page).
export const prerender = false;
export const config = { isr: { expiration: 60, bypassToken: process.env.VERCEL_BYPASS_TOKEN } };
// Vercel hands an ISR function the path without its trailing slash, so the site-wide "always" would
// redirect every request back to itself (sveltejs/kit#12556; the fix is not in adapter-vercel 6.3.4).
// Links keep the slash; this page answers both forms.
export const trailingSlash = "ignore";

export const load: PageServerLoad = async ({ params, setHeaders, url }) => {
  const post = await getEntry("posts", params.slug);
  if (!post) error(404, `Post not found: ${params.slug}`);
  setHeaders(entryCacheHeaders(url.pathname));
  return { post };
};
