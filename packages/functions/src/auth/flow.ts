// What the redirect sign-ins (OpenID Connect, Supabase) share: the short-lived sealed cookie that carries a sign-in
// from /api/auth/login to /api/auth/callback (its state, PKCE verifier and return path), sent to
// /api/auth/ only (the redirects between them are ./redirect.ts). It is sealed for the "auth-flow"
// purpose, so it can never pass for a session (./session.ts).
import { returnPath } from "./return-to.ts";
import { cookieOf, seal, setCookie, unseal } from "./session.ts";

/** `__Secure-`: only set over HTTPS (its Path is /api/auth/, which `__Host-` does not allow). */
export const FLOW_COOKIE = "__Secure-jam_auth_flow";
/** Ten minutes to get through the provider's sign-in page. */
const FLOW_SECONDS = 10 * 60;
export const FLOW_PATH = "/api/auth/";

/** A sign-in under way. */
interface Flow {
  /** The OAuth state the provider sends back (OIDC), or a random id where the provider keeps its own. */
  state: string;
  /** The PKCE code verifier. */
  verifier: string;
  /** A path on this site (./return-to.ts). */
  returnTo: string;
}

/** The Set-Cookie header that starts `flow`. */
export async function flowCookie(flow: Flow, secret: string | undefined): Promise<string> {
  const value = await seal("auth-flow", flow.state, { verifier: flow.verifier, returnTo: flow.returnTo }, secret, FLOW_SECONDS);
  return setCookie(FLOW_COOKIE, value, FLOW_SECONDS, FLOW_PATH);
}

/** The flow `request` carries back, or undefined: none, expired, tampered, or not a flow token. */
export async function flowOf(request: Request, secret: string | undefined): Promise<Flow | undefined> {
  const payload = await unseal("auth-flow", cookieOf(request, FLOW_COOKIE), secret);
  if (!payload || typeof payload.verifier !== "string") return undefined;
  // Checked again where it is used: the sealed value was checked when sealed, and a path is cheap to check.
  return { state: payload.sub, verifier: payload.verifier, returnTo: returnPath(typeof payload.returnTo === "string" ? payload.returnTo : "/", new URL(request.url).origin) };
}

export const clearedFlowCookie = () => setCookie(FLOW_COOKIE, "", 0, FLOW_PATH);
