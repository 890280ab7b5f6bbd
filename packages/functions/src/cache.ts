// How a host's CDN keeps a page that renders on request, in one place for every hybrid framework
// (imported as @repo/functions/cache: it pulls nothing else into a page's bundle). A purge after a
// content change (purge/*.ts) finds the page again by its cache tag.

/** Seconds a CDN serves a rendered entry page before it renders a fresh one in the background. */
export const ENTRY_TTL = 60;

/** A page's cache tag: its path's segments, "posts-hello" for /posts/hello/ (tags take no "/"). */
export const cacheTagOf = (path: string) => path.split("/").filter(Boolean).join("-") || "home";

/** The headers of an entry page rendered on request. */
export function entryCacheHeaders(path: string): Record<string, string> {
  const policy = `s-maxage=${ENTRY_TTL}, stale-while-revalidate=86400`;
  return {
    "Cache-Control": `public, max-age=0, ${policy}`,
    // Netlify keeps a function's response in its durable cache only when told so, and purges it by tag.
    "Netlify-CDN-Cache-Control": `public, durable, ${policy}`,
    "Netlify-Cache-Tag": cacheTagOf(path),
  };
}
