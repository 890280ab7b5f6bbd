// The session cookie and the return path every auth provider's handlers share.
import { describe, expect, it } from "vitest";
import { returnPath } from "../src/auth/return-to.ts";
import { clearedSessionCookie, SESSION_COOKIE, sessionCookie, sessionKey, sessionOf } from "../src/auth/session.ts";
import { EncryptJWT } from "jose";

const secret = "a-test-secret-of-at-least-32-chars!!";
const user = { id: "auth0|42", name: "Ada", email: "ada@example.com" };
const requestWith = (setCookie: string) => new Request("https://site.example/api/auth/me", { headers: { cookie: setCookie.split(";")[0] as string } });

describe("the session cookie", () => {
  it("is HttpOnly, Secure, SameSite=Lax, site-wide and expires", async () => {
    const header = await sessionCookie(user, secret);
    expect(header.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    const attributes = header.split("; ").slice(1).map((a) => a.toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/", "max-age=28800"]));
  });

  it("gives the user back, and holds nothing readable without the key", async () => {
    const header = await sessionCookie(user, secret);
    expect(await sessionOf(requestWith(header), secret)).toEqual({ ...user, picture: undefined });
    const value = header.split(";")[0]?.split("=")[1] ?? "";
    // Each part of the compact JWE decoded on its own: none holds the profile in the clear.
    const decoded = value.split(".").map((part) => Buffer.from(part, "base64url").toString("latin1")).join("\n");
    expect(decoded).not.toContain("ada@example.com");
  });

  it("treats a tampered, foreign-key, expired or missing cookie as signed out", async () => {
    const header = await sessionCookie(user, secret);
    const value = header.split(";")[0]?.split("=")[1] ?? "";
    const flipped = `${value.slice(0, -3)}${value.at(-3) === "A" ? "B" : "A"}${value.slice(-2)}`;
    expect(await sessionOf(requestWith(`${SESSION_COOKIE}=${flipped}`), secret)).toBeUndefined();
    expect(await sessionOf(requestWith(header), `${secret}-another`)).toBeUndefined();
    expect(await sessionOf(requestWith(await sessionCookie(user, secret, -60)), secret)).toBeUndefined();
    expect(await sessionOf(new Request("https://site.example/"), secret)).toBeUndefined();
    expect(await sessionOf(requestWith(`${SESSION_COOKIE}=not-a-jwe`), secret)).toBeUndefined();
  });

  it("refuses a token without a subject, even under the right key", async () => {
    const value = await new EncryptJWT({ name: "x" }).setProtectedHeader({ alg: "dir", enc: "A256GCM" }).setExpirationTime("1h").encrypt(await sessionKey(secret));
    expect(await sessionOf(requestWith(`${SESSION_COOKIE}=${value}`), secret)).toBeUndefined();
  });

  it("needs a secret of 32 characters or more, and says how to make one", async () => {
    await expect(sessionCookie(user, "short")).rejects.toThrow("AUTH_SECRET must be set to at least 32 random characters: generate one with `openssl rand -base64 32`.");
    await expect(sessionCookie(user, undefined)).rejects.toThrow("AUTH_SECRET");
  });

  it("is cleared with the same attributes and Max-Age=0", () => {
    expect(clearedSessionCookie().toLowerCase()).toMatch(/^jam_session=; .*max-age=0/);
    expect(clearedSessionCookie().toLowerCase()).toContain("httponly");
  });
});

describe("the return path", () => {
  const site = "https://site.example";
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
  ])("%s -> %s", (given, want) => {
    expect(returnPath(given, site)).toBe(want);
  });
});
