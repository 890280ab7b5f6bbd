// GET /api/members: a members-only entry's body, to a session only. The content behind it is an
// in-memory provider (the repository's own content has no members-only post).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@repo/content/members", () => ({
  getMembersEntry: async (collection: string, slug: string) =>
    collection === "posts" && slug === "for-members" ? { collection, slug, title: "For members", description: "", date: "2026-11-22", tags: [], members: true, html: "<p>The reward.</p>" } : undefined,
}));

const { membersEntry } = await import("../src/handlers/membersEntry.ts");
const { sessionCookie } = await import("../src/auth/session.ts");

const secret = "a-test-secret-of-at-least-32-chars!!";
const auth0 = { AUTH0_DOMAIN: "tenant.example.auth0.com", AUTH0_CLIENT_ID: "id", AUTH0_CLIENT_SECRET: "client-secret", AUTH_SECRET: secret };
const ask = async (entry: string, cookie = "") =>
  membersEntry.handler(new Request(`https://site.example/api/members/?entry=${encodeURIComponent(entry)}`, { headers: { cookie } }));
const signedIn = async () => (await sessionCookie({ id: "ada" }, secret)).split(";")[0] as string;

describe("/api/members", () => {
  beforeEach(() => {
    for (const [k, v] of Object.entries(auth0)) vi.stubEnv(k, v);
  });
  afterEach(() => vi.unstubAllEnvs());

  it("answers 401 without a session, and with a cookie sealed by another secret", async () => {
    const res = await ask("posts/for-members");
    expect(res.status).toBe(401);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await res.text()).not.toContain("reward");
    const foreign = (await sessionCookie({ id: "ada" }, "another-secret-of-at-least-32-chars!")).split(";")[0] as string;
    expect((await ask("posts/for-members", foreign)).status).toBe(401);
  });

  it("answers 401 when sign-in is not set up, whatever the cookie", async () => {
    const cookie = await signedIn();
    vi.stubEnv("AUTH0_CLIENT_SECRET", "");
    expect((await ask("posts/for-members", cookie)).status).toBe(401);
  });

  it("gives a session the body, never to be cached", async () => {
    const res = await ask("posts/for-members", await signedIn());
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await res.json()).toEqual({ title: "For members", html: "<p>The reward.</p>" });
  });

  it("answers 404 for an entry that is not members-only, none, or a malformed one", async () => {
    const cookie = await signedIn();
    for (const entry of ["posts/hello-jamstack", "pages/for-members", "products/for-members", "posts/for-members/x", "posts", ""]) {
      expect((await ask(entry, cookie)).status, entry).toBe(404);
    }
  });
});
