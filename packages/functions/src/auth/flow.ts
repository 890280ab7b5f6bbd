// What every provider's sign-in flow shares: the short-lived sealed cookie that carries a sign-in
// from /api/auth/login to /api/auth/callback (its PKCE verifier, state and return path), sent to
// /api/auth/ only, and the no-store redirects between them.

export const FLOW_COOKIE = "jam_auth_flow";
/** Ten minutes to get through the provider's sign-in page. */
export const FLOW_SECONDS = 10 * 60;
export const FLOW_PATH = "/api/auth/";

export const redirect = (location: string, cookies: string[] = [], status = 302) => {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const c of cookies) headers.append("set-cookie", c);
  return new Response(null, { status, headers });
};
