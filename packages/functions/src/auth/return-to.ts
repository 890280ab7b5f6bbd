// Where a sign-in or sign-out sends the visitor back to: a path on this site, never another host
// (an open redirect would let a link to this site forward its visitors anywhere).

/** `value` as a path of `site` ("/account/?tab=1"), or "/" when it names another origin or is not a path. */
export function returnPath(value: string | null | undefined, site: string): string {
  // "//evil.example" and "/\evil.example" are other hosts to a browser; only a plain path is kept.
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  const base = new URL(site);
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return "/";
  }
  return url.origin === base.origin ? `${url.pathname}${url.search}${url.hash}` : "/";
}
