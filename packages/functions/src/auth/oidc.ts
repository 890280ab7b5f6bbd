// Sign-in through an OpenID Connect provider (Auth0 is one) with openid-client: the authorization
// code flow with PKCE and state. /api/auth/login sends the visitor to the provider with a fresh
// verifier and state kept in a short-lived sealed cookie; /api/auth/callback trades the code for
// tokens (checking state, PKCE and the ID token), and signs the visitor in with the session cookie.
import * as client from "openid-client";
import { clearedFlowCookie, FLOW_PATH, flowCookie, flowOf } from "./flow.ts";
import { redirect } from "./redirect.ts";
import { returnPath } from "./return-to.ts";
import { clearedSessionCookie, sessionCookie } from "./session.ts";

export interface OidcSettings {
  /** The issuer's URL: https://<tenant>.auth0.com/ for Auth0. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  secret: string | undefined;
}

const configs = new Map<string, Promise<client.Configuration>>();

/** The provider's configuration (its discovery document), fetched once per issuer. */
function configOf(s: OidcSettings): Promise<client.Configuration> {
  const key = `${s.issuer} ${s.clientId}`;
  let config = configs.get(key);
  if (!config) {
    // A local issuer (a test's OIDC server) speaks plain HTTP; a real one must be HTTPS.
    const local = /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(s.issuer);
    config = client.discovery(new URL(s.issuer), s.clientId, s.clientSecret, undefined, local ? { execute: [client.allowInsecureRequests] } : undefined);
    config.catch(() => configs.delete(key));
    configs.set(key, config);
  }
  return config;
}

/** GET /api/auth/login?returnTo=/account/: to the provider's sign-in page. */
export async function login(request: Request, s: OidcSettings): Promise<Response> {
  const url = new URL(request.url);
  const config = await configOf(s);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const to = client.buildAuthorizationUrl(config, {
    redirect_uri: `${url.origin}${FLOW_PATH}callback/`,
    scope: "openid profile email",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
  });
  const flow = await flowCookie({ state, verifier, returnTo: returnPath(url.searchParams.get("returnTo"), url.origin) }, s.secret);
  return redirect(to.href, [flow]);
}

/** GET /api/auth/callback?code=…&state=…: signed in, back where the visitor started. */
export async function callback(request: Request, s: OidcSettings): Promise<Response> {
  const flow = await flowOf(request, s.secret);
  const text = (status: number, body: string) => new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "set-cookie": clearedFlowCookie() } });
  if (!flow) return text(400, "This sign-in expired or did not start here: sign in again.");
  const config = await configOf(s);
  let claims: client.IDToken | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, new URL(request.url), { pkceCodeVerifier: flow.verifier, expectedState: flow.state, idTokenExpected: true });
    claims = tokens.claims();
  } catch (error) {
    console.error(`auth: the sign-in was refused: ${(error as Error).message}`);
    return text(401, "The sign-in did not complete: sign in again.");
  }
  if (!claims) return text(401, "The provider sent no ID token: sign in again.");
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const session = await sessionCookie({ id: claims.sub, name: str(claims.name), email: str(claims.email), picture: str(claims.picture) }, s.secret);
  return redirect(flow.returnTo, [session, clearedFlowCookie()], 303);
}

/** GET /api/auth/logout: the session cookie cleared, and the provider's session ended where it offers that. */
export async function logout(request: Request, s: OidcSettings): Promise<Response> {
  const url = new URL(request.url);
  const back = `${url.origin}${returnPath(url.searchParams.get("returnTo"), url.origin)}`;
  const cleared = clearedSessionCookie();
  const config = await configOf(s).catch(() => undefined);
  const end = config?.serverMetadata().end_session_endpoint ? client.buildEndSessionUrl(config, { post_logout_redirect_uri: back, client_id: s.clientId }).href : back;
  return redirect(end, [cleared]);
}
