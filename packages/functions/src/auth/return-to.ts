// Where a sign-in or sign-out sends the visitor back to: a path on this site, never another host
// (an open redirect would let a link to this site forward its visitors anywhere).
//
// The check is made on what a browser will do with the answer, not on the raw input: the value is
// parsed against the site by the WHATWG URL parser (the one browsers use to resolve Location), its
// origin compared, and the path given back is the parsed one. Prefix checks on the raw string miss
// inputs that normalise into another host ("/.//evil.example", "/%2e//evil.example",
// "/x/../\evil.example" all parse to the path "//evil.example", which a browser reads as a host).

/** `value` as a path of `site` ("/account/?tab=1"), or "/" when it names another origin or is not a path. */
export function returnPath(value: string | null | undefined, site: string): string {
  if (!value?.startsWith("/")) return "/";
  const base = new URL(site);
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin) return "/";
  // A parsed path may still begin with several slashes: one, so the answer stays a path of this site.
  return `${url.pathname.replace(/^\/+/, "/")}${url.search}${url.hash}`;
}
