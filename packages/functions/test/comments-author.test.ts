// The name a signed-in visitor's comment shows to everyone: the profile's name, never their email
// address or a part of it (Auth0 often gives the address as `name`; Firebase users often have none).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sessionCookie } from "../src/auth/session.ts";
import { authorOf, publicName } from "../src/comments/visitor.ts";

const secret = "an-auth-secret-of-32-characters-or-more";
beforeEach(() => vi.stubEnv("AUTH_SECRET", secret));
afterEach(() => vi.unstubAllEnvs());

const asVisitor = async (user: { id: string; name?: string; email?: string }) =>
  authorOf(new Request("https://site.example/api/comments/", { headers: { cookie: (await sessionCookie(user, secret)).split(";")[0] as string } }), {});

describe("a comment's public author name", () => {
  it.each([
    ["Ada Lovelace", "Ada Lovelace"],
    ["  Grace  ", "Grace"],
    ["ada@example.com", "A member"],
    ["Ada <ada@example.com>", "A member"],
    ["", "A member"],
    ["   ", "A member"],
    [undefined, "A member"],
  ])("%j -> %j", (name, shown) => expect(publicName(name)).toBe(shown));

  it("never shows the visitor's address, nor its first part, when the profile has no name", async () => {
    expect(await asVisitor({ id: "firebase|1", email: "grace.hopper@example.com" })).toEqual({ id: "firebase|1", name: "A member" });
    expect(await asVisitor({ id: "auth0|2", name: "grace.hopper@example.com", email: "grace.hopper@example.com" })).toEqual({ id: "auth0|2", name: "A member" });
    expect(await asVisitor({ id: "auth0|3", name: "Grace Hopper", email: "grace.hopper@example.com" })).toEqual({ id: "auth0|3", name: "Grace Hopper" });
  });
});
