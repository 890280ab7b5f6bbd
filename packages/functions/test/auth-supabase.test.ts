// Sign-in through Supabase Auth (the Supabase module's flow) with supabase-js against a loopback
// GoTrue: the authorize URL with an S256 challenge, the verifier carried in the sealed flow cookie,
// the code traded with it (and refused without it), the session cookie, the return path.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { provider } from "../src/auth/supabase.ts";
import { SESSION_COOKIE, sessionOf } from "../src/auth/session.ts";
import { gotrueUser, startGoTrue } from "./gotrue-server.ts";
import { cookiesOf } from "./oidc-server.ts";
import { REDIRECT_VECTORS, staysOn } from "./redirect-vectors.ts";

const site = "https://site.example";
const secret = "an-auth-secret-of-32-characters-or-more";
const key = "sb_publishable_test_key";
let gotrue: Awaited<ReturnType<typeof startGoTrue>>;

beforeAll(async () => {
  gotrue = await startGoTrue();
});
afterAll(() => gotrue?.close());
beforeEach(() => {
  vi.stubEnv("SUPABASE_URL", gotrue.url);
  vi.stubEnv("SUPABASE_PUBLISHABLE_KEY", key);
  vi.stubEnv("AUTH_SECRET", secret);
});
afterEach(() => vi.unstubAllEnvs());

/** The visitor's trip: our login, GoTrue's authorize (which sends them straight back), our callback. */
async function signIn(returnTo = "/account/") {
  const start = await provider.login(new Request(`${site}/api/auth/login?returnTo=${encodeURIComponent(returnTo)}`));
  const authorize = await fetch(start.headers.get("location") as string, { redirect: "manual" });
  const back = authorize.headers.get("location") as string;
  const done = await provider.callback(new Request(back, { headers: { cookie: cookiesOf(start) } }));
  return { start, back, done };
}

describe("Supabase Auth sign-in", () => {
  it("names what it needs", () => {
    vi.stubEnv("SUPABASE_URL", "");
    expect(provider.missing()).toEqual(["SUPABASE_URL"]);
  });

  it("sends the visitor to GoTrue's authorize with GitHub, an S256 challenge and the callback, keeping the verifier in a sealed cookie for /api/auth/", async () => {
    const res = await provider.login(new Request(`${site}/api/auth/login`));
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get("location") as string);
    expect(`${to.origin}${to.pathname}`).toBe(`${gotrue.url}/auth/v1/authorize`);
    expect(to.searchParams.get("provider")).toBe("github");
    expect(to.searchParams.get("redirect_to")).toBe(`${site}/api/auth/callback/`);
    expect(to.searchParams.get("code_challenge_method")).toBe("s256");
    expect(to.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    const flow = res.headers.getSetCookie()[0] ?? "";
    expect(flow.toLowerCase()).toMatch(/^__secure-jam_auth_flow=.+; .*path=\/api\/auth\//);
    expect(flow.toLowerCase()).toContain("httponly");
    // Sealed: the verifier is not readable in the cookie.
    const value = flow.split(";")[0]?.split("=")[1] ?? "";
    expect(value.split(".")).toHaveLength(5);
  });

  it("takes another provider the project enabled from SUPABASE_AUTH_PROVIDER", async () => {
    vi.stubEnv("SUPABASE_AUTH_PROVIDER", "google");
    const res = await provider.login(new Request(`${site}/api/auth/login`));
    expect(new URL(res.headers.get("location") as string).searchParams.get("provider")).toBe("google");
  });

  it("trades the code with the verifier through supabase-js, and signs the visitor in with the site's session cookie", async () => {
    const before = gotrue.calls.length;
    const { done } = await signIn();
    expect(done.status, await done.clone().text()).toBe(303);
    expect(done.headers.get("location")).toBe("/account/");
    const token = gotrue.calls.slice(before).find((c) => c.path === "/auth/v1/token");
    expect(token?.method).toBe("POST");
    expect(token?.query.get("grant_type")).toBe("pkce");
    expect(token?.headers.apikey).toBe(key);
    expect(Object.keys(JSON.parse(token?.body ?? "{}")).sort()).toEqual(["auth_code", "code_verifier"]);
    const session = done.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) as string;
    expect(session).toMatch(/HttpOnly/i);
    const user = await sessionOf(new Request(site, { headers: { cookie: session.split(";")[0] as string } }), secret);
    expect(user).toMatchObject({ id: gotrueUser.id, email: gotrueUser.email, name: gotrueUser.name });
  });

  it("refuses a code without this browser's flow cookie, and one traded with another sign-in's verifier", async () => {
    const first = await provider.login(new Request(`${site}/api/auth/login`));
    const back = (await fetch(first.headers.get("location") as string, { redirect: "manual" })).headers.get("location") as string;
    expect((await provider.callback(new Request(back))).status).toBe(400);
    const other = await provider.login(new Request(`${site}/api/auth/login`));
    const refused = await provider.callback(new Request(back, { headers: { cookie: cookiesOf(other) } }));
    expect(refused.status).toBe(401);
    expect(refused.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
  });

  it("keeps returnTo on the site", async () => {
    expect((await signIn("https://evil.example/")).done.headers.get("location")).toBe("/");
    expect((await signIn("//evil.example/x")).done.headers.get("location")).toBe("/");
    expect((await signIn("/posts/members-only/")).done.headers.get("location")).toBe("/posts/members-only/");
  });

  it.each(REDIRECT_VECTORS)("keeps %j on the site, signing in and out", async (vector) => {
    const from = `${site}/api/auth/callback/`;
    expect(staysOn((await signIn(vector)).done.headers.get("location"), from)).toBe(true);
    expect(staysOn((await provider.logout(new Request(`${site}/api/auth/logout?returnTo=${encodeURIComponent(vector)}`))).headers.get("location"), from)).toBe(true);
  });

  it("its flow cookie copied into the session cookie signs nobody in", async () => {
    const start = await provider.login(new Request(`${site}/api/auth/login`));
    const flow = start.headers.getSetCookie()[0]?.split(";")[0]?.split("=")[1] ?? "";
    expect(flow).not.toBe("");
    expect(await sessionOf(new Request(site, { headers: { cookie: `${SESSION_COOKIE}=${flow}` } }), secret)).toBeUndefined();
  });

  it("signs out by clearing the session cookie, back to a path on the site", async () => {
    const res = await provider.logout(new Request(`${site}/api/auth/logout?returnTo=https://evil.example/`));
    expect(res.headers.get("location")).toBe("/");
    expect(res.headers.getSetCookie().some((c) => /^__Host-jam_session=;/.test(c))).toBe(true);
  });
});
