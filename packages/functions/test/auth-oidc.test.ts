// Sign-in through OpenID Connect (the Auth0 module's flow) with openid-client against a local
// oidc-provider: PKCE and state, the session cookie, the return path, sign-out.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callback, login, logout, type OidcSettings } from "../src/auth/oidc.ts";
import { SESSION_COOKIE, sessionOf } from "../src/auth/session.ts";
import { type OidcServer, startOidc } from "./oidc-server.ts";

const site = "https://site.example";
const secret = "an-auth-secret-of-32-characters-or-more";
let oidc: OidcServer;
let settings: OidcSettings;

beforeAll(async () => {
  oidc = await startOidc(site);
  settings = { issuer: oidc.issuer, clientId: oidc.clientId, clientSecret: oidc.clientSecret, secret };
});
afterAll(() => oidc?.close());

/** The cookies a response sets, as a request's Cookie header would carry them. */
const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

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
    expect(to.searchParams.get("redirect_uri")).toBe(`${site}/api/auth/callback`);
    expect(to.searchParams.get("scope")).toBe("openid profile email");
    const flow = res.headers.getSetCookie()[0]?.toLowerCase() ?? "";
    expect(flow).toMatch(/^jam_auth_flow=.+; .*path=\/api\/auth\//);
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
    expect(res.headers.getSetCookie().some((c) => /^jam_session=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);
    const to = new URL(res.headers.get("location") as string);
    expect(to.origin).toBe(oidc.issuer);
    expect(to.searchParams.get("post_logout_redirect_uri")).toBe(`${site}/`);
  });
});
