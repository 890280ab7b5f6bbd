// The sealed tokens (session and sign-in flow) and the return path every auth provider's handlers share.
import fc from "fast-check";
import { EncryptJWT } from "jose";
import { describe, expect, it } from "vitest";
import { clearedFlowCookie, FLOW_COOKIE, flowCookie, flowOf } from "../src/auth/flow.ts";
import { returnPath } from "../src/auth/return-to.ts";
import { clearedSessionCookie, PURPOSES, SESSION_COOKIE, seal, sealingKey, sessionCookie, sessionOf, unseal } from "../src/auth/session.ts";

const secret = "a-test-secret-of-at-least-32-chars!!";
const site = "https://site.example";
const user = { id: "auth0|42", name: "Ada", email: "ada@example.com" };
const valueOf = (setCookie: string) => setCookie.split(";")[0]?.slice(setCookie.indexOf("=") + 1) ?? "";
const requestWith = (cookie: string) => new Request(`${site}/api/auth/me`, { headers: { cookie } });
const sessionRequest = (setCookie: string) => requestWith(setCookie.split(";")[0] as string);

describe("the session cookie", () => {
  it("is __Host- prefixed, HttpOnly, Secure, SameSite=Lax, site-wide, without Domain, and expires", async () => {
    const header = await sessionCookie(user, secret);
    expect(SESSION_COOKIE.startsWith("__Host-")).toBe(true);
    expect(header.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    const attributes = header.split("; ").slice(1).map((a) => a.toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/", "max-age=28800"]));
    expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
  });

  it("gives the user back, and holds nothing readable without the key", async () => {
    const header = await sessionCookie(user, secret);
    expect(await sessionOf(sessionRequest(header), secret)).toEqual({ ...user, picture: undefined });
    // Each part of the compact JWE decoded on its own: none holds the profile in the clear.
    const decoded = valueOf(header).split(".").map((part) => Buffer.from(part, "base64url").toString("latin1")).join("\n");
    expect(decoded).not.toContain("ada@example.com");
  });

  it("treats a tampered, foreign-key, expired or missing cookie as signed out", async () => {
    const header = await sessionCookie(user, secret);
    const value = valueOf(header);
    const flipped = `${value.slice(0, -3)}${value.at(-3) === "A" ? "B" : "A"}${value.slice(-2)}`;
    expect(await sessionOf(requestWith(`${SESSION_COOKIE}=${flipped}`), secret)).toBeUndefined();
    expect(await sessionOf(sessionRequest(header), `${secret}-another`)).toBeUndefined();
    expect(await sessionOf(sessionRequest(await sessionCookie(user, secret, -60)), secret)).toBeUndefined();
    expect(await sessionOf(new Request(site), secret)).toBeUndefined();
    expect(await sessionOf(requestWith(`${SESSION_COOKIE}=not-a-jwe`), secret)).toBeUndefined();
    // The old, unprefixed name is not read: a cookie a subdomain or an HTTP page planted there counts for nothing.
    expect(await sessionOf(requestWith(`jam_session=${value}`), secret)).toBeUndefined();
  });

  it("refuses a token under the right key without a subject, an expiry or an audience", async () => {
    const key = await sealingKey("session", secret);
    const jwe = (build: (t: EncryptJWT) => EncryptJWT) => build(new EncryptJWT({ name: "x" }).setProtectedHeader({ alg: "dir", enc: "A256GCM" })).encrypt(key);
    const noSubject = await jwe((t) => t.setAudience("session").setIssuedAt().setExpirationTime("1h"));
    const noExpiry = await jwe((t) => t.setAudience("session").setIssuedAt().setSubject("x"));
    const noAudience = await jwe((t) => t.setSubject("x").setIssuedAt().setExpirationTime("1h"));
    for (const value of [noSubject, noExpiry, noAudience]) expect(await sessionOf(requestWith(`${SESSION_COOKIE}=${value}`), secret)).toBeUndefined();
  });

  it("needs a secret of 32 characters or more, and says how to make one", async () => {
    await expect(sessionCookie(user, "short")).rejects.toThrow("AUTH_SECRET must be set to at least 32 random characters: generate one with `openssl rand -base64 32`.");
    await expect(sessionCookie(user, undefined)).rejects.toThrow("AUTH_SECRET");
  });

  it("is cleared with the same attributes and Max-Age=0", () => {
    expect(clearedSessionCookie().toLowerCase()).toMatch(/^__host-jam_session=; .*max-age=0/);
    expect(clearedSessionCookie().toLowerCase()).toContain("httponly");
  });
});

describe("a sealed token is bound to its purpose", () => {
  const pairs = PURPOSES.flatMap((made) => PURPOSES.filter((other) => other !== made).map((other) => [made, other] as const));

  it.each(pairs)("a token sealed for %s is refused as %s", async (made, other) => {
    const value = await seal(made, "someone", { verifier: "v", returnTo: "/" }, secret, 600);
    expect(await unseal(made, value, secret)).toMatchObject({ sub: "someone" });
    expect(await unseal(other, value, secret)).toBeUndefined();
  });

  it("the sign-in flow's cookie copied into the session cookie signs nobody in (and back)", async () => {
    const flow = valueOf(await flowCookie({ state: "any-state", verifier: "v", returnTo: "/account/" }, secret));
    expect(await flowOf(requestWith(`${FLOW_COOKIE}=${flow}`), secret)).toEqual({ state: "any-state", verifier: "v", returnTo: "/account/" });
    expect(await sessionOf(requestWith(`${SESSION_COOKIE}=${flow}`), secret)).toBeUndefined();
    const session = valueOf(await sessionCookie(user, secret));
    expect(await flowOf(requestWith(`${FLOW_COOKIE}=${session}`), secret)).toBeUndefined();
  });

  it("the flow cookie is __Secure-, HttpOnly and for /api/auth/ only", async () => {
    const header = (await flowCookie({ state: "s", verifier: "v", returnTo: "/" }, secret)).toLowerCase();
    expect(header).toMatch(/^__secure-jam_auth_flow=.+; .*path=\/api\/auth\//);
    expect(header).toContain("httponly");
    expect(clearedFlowCookie().toLowerCase()).toMatch(/max-age=0/);
  });
});

describe("the return path", () => {
  const origin = new URL(site).origin;
  /** Where a browser goes with `Location: <path>` from a page of the site: WHATWG URL resolution. */
  const landsOn = (path: string) => new URL(path, `${site}/api/auth/callback/`);

  it.each([
    ["/account/", "/account/"],
    ["/posts/members-only/?x=1#top", "/posts/members-only/?x=1#top"],
    ["https://evil.example/", "/"],
    ["//evil.example/account/", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["account", "/"],
    ["", "/"],
    [null, "/"],
    // Inputs that a prefix check on the raw string let through: each normalises to "//evil.example".
    ["/.//evil.example", "/evil.example"],
    ["/%2e//evil.example", "/evil.example"],
    ["/a/..//evil.example", "/evil.example"],
    ["/x/../\\evil.example", "/evil.example"],
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("%j -> %j", (given, want) => {
    expect(returnPath(given, site)).toBe(want);
    expect(landsOn(returnPath(given, site)).origin).toBe(origin);
  });

  // Pieces an attacker combines: slashes both ways, dot segments plain and encoded, controls the
  // URL parser strips, scheme and host text, userinfo.
  const piece = fc.constantFrom("/", "\\", ".", "..", "%2e", "%2E", "%2f", "%5c", "\t", "\n", "\r", " ", "\u0000", "evil.example", "@", ":", "http:", "https:", "javascript:", "?", "#", "%", "a");
  const hostile = fc.oneof(fc.string({ unit: "grapheme" }), fc.array(piece, { maxLength: 12 }).map((p) => p.join("")), fc.array(piece, { maxLength: 12 }).map((p) => `/${p.join("")}`));

  it("for any input, the redirect it yields resolves to the site's own origin (property)", () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const path = returnPath(value, site);
        expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
        expect(landsOn(path).origin).toBe(origin);
      }),
      { numRuns: 5000 },
    );
  });

  it("a plain path of the site comes back unchanged (property)", () => {
    fc.assert(
      fc.property(fc.webPath(), fc.webQueryParameters(), (path, query) => {
        const value = `${path}${query ? `?${query}` : ""}`;
        const parsed = URL.parse(value, `${site}/`);
        fc.pre(value.startsWith("/") && parsed?.origin === origin && !parsed.pathname.startsWith("//"));
        expect(landsOn(returnPath(value, site)).href).toBe(landsOn(value).href);
      }),
      { numRuns: 2000 },
    );
  });
});
