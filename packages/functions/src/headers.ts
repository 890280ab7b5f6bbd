// The security headers of every answer the router gives (the site's functions, on every host and
// in every framework's API route). Hosts' header configs (vercel.json, netlify.toml, _headers) cover
// the static files only: Netlify's and Cloudflare's do not reach a function's response, so the
// router sets them itself, once, for every mount.

/**
 * An API answer is JSON or a redirect, never a page: it loads nothing, runs nothing and may not be
 * framed, so its policy allows nothing. A handler that answers with a page sets its own.
 */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const API_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": API_CSP,
  // Old browsers without frame-ancestors.
  "x-frame-options": "DENY",
  // A JSON body is never sniffed into HTML or a script.
  "x-content-type-options": "nosniff",
  // The path of a page (a returnTo, a session's page) is not sent to other origins.
  "referrer-policy": "strict-origin-when-cross-origin",
};

/**
 * `response` with every header of API_HEADERS it lacks. A handler's own value wins. A new Response
 * when one is missing: Response.redirect() and fetch() give responses whose headers are immutable.
 */
export function withSecurityHeaders(response: Response): Response {
  const missing = Object.entries(API_HEADERS).filter(([name]) => !response.headers.has(name));
  if (!missing.length) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of missing) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
