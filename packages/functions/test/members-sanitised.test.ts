// GET /api/members end to end in-process: the handler, @repo/content/members and its sanitiser,
// over a provider whose members-only body is the hostile corpus. The account widget sets this
// answer's html with innerHTML, so it must hold nothing that runs.
import { afterEach, describe, expect, it, vi } from "vitest";
import { htmlVectors } from "../../content/test/fixtures/xss-vectors.ts";
import { scriptingConstructs } from "../../content/test/script-free.ts";

const hostile = `<p>The reward.</p>${htmlVectors.map((v) => v.html).join("\n")}`;
vi.mock("../../content/src/provider.ts", () => ({
  provider: {
    listEntries: async () => [],
    getEntry: async (collection: string, slug: string) =>
      collection === "posts" && slug === "for-members" ? { collection, slug, title: "For members", description: "", date: "2026-11-22", tags: [], members: true, html: hostile } : undefined,
    listProducts: async () => [],
    getProduct: async () => undefined,
  },
}));

const { membersEntry } = await import("../src/handlers/membersEntry.ts");
const { sessionCookie } = await import("../src/auth/session.ts");
const secret = "a-test-secret-of-at-least-32-chars!!";

describe("/api/members with a hostile body", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("gives a session the body sanitised: nothing in it runs", async () => {
    for (const [k, v] of Object.entries({ AUTH0_DOMAIN: "tenant.example.auth0.com", AUTH0_CLIENT_ID: "id", AUTH0_CLIENT_SECRET: "client-secret", AUTH_SECRET: secret })) vi.stubEnv(k, v);
    const cookie = (await sessionCookie({ id: "ada" }, secret)).split(";")[0] as string;
    const res = await membersEntry.handler(new Request("https://site.example/api/members/?entry=posts%2Ffor-members", { headers: { cookie } }));
    expect(res.status).toBe(200);
    const { html } = (await res.json()) as { html: string };
    expect(html).toContain("<p>The reward.</p>");
    expect(scriptingConstructs(hostile).length).toBeGreaterThan(0);
    expect(scriptingConstructs(html)).toEqual([]);
  });
});
