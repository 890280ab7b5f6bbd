// Sign-in through OpenID Connect (the Auth0 module's flow) with openid-client against a local
// oidc-provider: PKCE and state, the session cookie, the return path, sign-out.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callback, login, logout, type OidcSettings } from "../src/auth/oidc.ts";
import { SESSION_COOKIE, sessionOf } from "../src/auth/session.ts";
import { cookiesOf, type OidcServer, startOidc } from "./oidc-server.ts";
import { REDIRECT_VECTORS, staysOn } from "./redirect-vectors.ts";

const site = "https://site.example";
const secret = "an-auth-secret-of-32-characters-or-more";
let oidc: OidcServer;
let settings: OidcSettings;

beforeAll(async () => {
  oidc = await startOidc(site);
  settings = { issuer: oidc.issuer, clientId: oidc.clientId, clientSecret: oidc.clientSecret, secret };
});
afterAll(() => oidc?.close());


async function signIn(returnTo = "/account/") {
  const start = await login(new Request(`${site}/api/auth/login?returnTo=${encodeURIComponent(returnTo)}`), settings);
  const back = await oidc.signIn(start.headers.get("location") as string, "ada");
  return { start, back, done: await callback(new Request(back, { headers: { cookie: cookiesOf(start) } }), settings) };
}

describe("OpenID Connect sign-in", () => {
  it("sends the visitor to the provider with PKCE (S256), a state and a flow cookie for /api/auth/ only", async () => {
    const res = await login(new Request(`${site}/api/auth/login`), settings);
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get("location") as string);
    expect(to.origin).toBe(oidc.issuer);
    expect(to.searchParams.get("code_challenge_method")).toBe("S256");
    expect(to.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(to.searchParams.get("state")).toBeTruthy();
    expect(to.searchParams.get("redirect_uri")).toBe(`${site}/api/auth/callback/`);
    expect(to.searchParams.get("scope")).toBe("openid profile email");
    const flow = res.headers.getSetCookie()[0]?.toLowerCase() ?? "";
    expect(flow).toMatch(/^__secure-jam_auth_flow=.+; .*path=\/api\/auth\//);
    expect(flow).toContain("httponly");
  });

  it("signs in: the callback sets the session cookie and goes back to the return path", async () => {
    const { done } = await signIn("/account/");
    expect(done.status, await done.clone().text()).toBe(303);
    expect(done.headers.get("location")).toBe("/account/");
    const user = await sessionOf(new Request(site, { headers: { cookie: cookiesOf(done) } }), secret);
    expect(user).toMatchObject({ id: "ada", name: "ada Lovelace", email: "ada@example.com" });
    expect(done.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`) && /HttpOnly/i.test(c) && /Secure/i.test(c) && /SameSite=Lax/i.test(c))).toBe(true);
  });

  it("ignores a return path on another host", async () => {
    const { done } = await signIn("https://evil.example/steal");
    expect(done.headers.get("location")).toBe("/");
  });

  it.each(REDIRECT_VECTORS)("keeps %j on the site, signing in and out", async (vector) => {
    expect(staysOn((await signIn(vector)).done.headers.get("location"), `${site}/api/auth/callback/`)).toBe(true);
    const out = await logout(new Request(`${site}/api/auth/logout?returnTo=${encodeURIComponent(vector)}`), settings);
    expect(staysOn(new URL(out.headers.get("location") as string).searchParams.get("post_logout_redirect_uri"), site)).toBe(true);
  });

  it("its flow cookie (sealed state) copied into the session cookie signs nobody in", async () => {
    const start = await login(new Request(`${site}/api/auth/login`), settings);
    const flow = start.headers.getSetCookie()[0]?.split(";")[0]?.split("=")[1] ?? "";
    expect(flow).not.toBe("");
    expect(await sessionOf(new Request(site, { headers: { cookie: `${SESSION_COOKIE}=${flow}` } }), secret)).toBeUndefined();
  });

  it("refuses a callback without the flow cookie, or with another sign-in's state", async () => {
    const { back } = await signIn();
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await callback(new Request(back), settings)).status).toBe(400);
    const other = await login(new Request(`${site}/api/auth/login`), settings);
    const res = await callback(new Request(back, { headers: { cookie: cookiesOf(other) } }), settings);
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
    vi.restoreAllMocks();
  });

  it("signs out: the session cookie cleared, then the provider's end-session page back to the site", async () => {
    const res = await logout(new Request(`${site}/api/auth/logout`), settings);
    expect(res.status).toBe(302);
    expect(res.headers.getSetCookie().some((c) => /^__Host-jam_session=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);
    const to = new URL(res.headers.get("location") as string);
    expect(to.origin).toBe(oidc.issuer);
    expect(to.searchParams.get("post_logout_redirect_uri")).toBe(`${site}/`);
  });
});

describe("/api/auth/* with the Auth0 provider", async () => {
  const [{ authLogin }, { authCallback }, { authLogout }, { authMe }] = await Promise.all([
    import("../src/handlers/authLogin.ts"),
    import("../src/handlers/authCallback.ts"),
    import("../src/handlers/authLogout.ts"),
    import("../src/handlers/authMe.ts"),
  ]);
  const auth0 = () => {
    vi.stubEnv("AUTH0_DOMAIN", "tenant.example.auth0.com");
    vi.stubEnv("AUTH0_ISSUER_URL", oidc.issuer);
    vi.stubEnv("AUTH0_CLIENT_ID", oidc.clientId);
    vi.stubEnv("AUTH0_CLIENT_SECRET", oidc.clientSecret);
    vi.stubEnv("AUTH_SECRET", secret);
  };
  const me = async (cookie = "") => (await authMe.handler(new Request(`${site}/api/auth/me`, { headers: { cookie } }), {})).json();

  it("without its variables: sign-in answers 503 naming them, /me says signed out and not configured", async () => {
    vi.stubEnv("AUTH0_DOMAIN", "");
    vi.stubEnv("AUTH_SECRET", "short");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await authLogin.handler(new Request(`${site}/api/auth/login`), {});
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET, AUTH_SECRET not set");
    expect(log).toHaveBeenCalledWith(expect.stringContaining("auth: Auth0 sign-in is not set up"));
    expect(await me()).toEqual({ user: null, configured: false });
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("signs in and out through the routes; /me answers the user, never cached", async () => {
    auth0();
    const start = await authLogin.handler(new Request(`${site}/api/auth/login?returnTo=/account/`), {});
    const back = await oidc.signIn(start.headers.get("location") as string, "grace");
    const done = await authCallback.handler(new Request(back, { headers: { cookie: cookiesOf(start) } }), {});
    expect(done.headers.get("location")).toBe("/account/");
    const res = await authMe.handler(new Request(`${site}/api/auth/me`, { headers: { cookie: cookiesOf(done) } }), {});
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await res.json()).toMatchObject({ configured: true, user: { id: "grace", email: "grace@example.com" } });
    expect(await me()).toEqual({ user: null, configured: true });
    const out = await authLogout.handler(new Request(`${site}/api/auth/logout`), {});
    expect(out.headers.getSetCookie().some((c) => /^__Host-jam_session=;/.test(c))).toBe(true);
    vi.unstubAllEnvs();
  });
});
