// Members-only posts and Sanity's datasets: a public dataset answers anyone's GROQ (the project id is
// in every image URL), so a members-only body there is public whatever the site's pages hide. The
// build reads a private dataset with SANITY_API_READ_TOKEN, and fails when the dataset is public.
// Against a loopback server in the Query API's shape that answers like a public or a private dataset.
import { afterEach, describe, expect, it, vi } from "vitest";
import { remoteProvider } from "../src/providers/remote.ts";
import { ENTRY_QUERY, LIST_QUERY, MEMBERS_EXPOSED_QUERY, source } from "../src/providers/sanity.ts";
import { fixtureServer } from "./fixture-server.ts";

const token = "sk-viewer";
const posts = [
  { slug: "open", title: "Open", description: "", date: "2026-01-01", tags: [] },
  { slug: "members-only", title: "For members", description: "", date: "2026-02-01", tags: [], members: true },
];
const body = [{ _type: "block", _key: "a", style: "normal", markDefs: [], children: [{ _type: "span", _key: "b", text: "The secret body", marks: [] }] }];

/** A dataset: public answers every query; private answers 401 to a query without the token. */
function dataset(visibility: "public" | "private", rows = posts) {
  return fixtureServer((req) => {
    if (visibility === "private" && req.headers.authorization !== `Bearer ${token}`) return { status: 401, json: { error: "Unauthorized", message: "Session not found", statusCode: 401 } };
    const query = req.query.get("query");
    if (query === MEMBERS_EXPOSED_QUERY) return { json: { ms: 1, query, result: rows.filter((r) => "members" in r && r.members).length } };
    if (query === LIST_QUERY) return { json: { ms: 1, query, result: req.query.get("$type") === '"post"' ? rows : [] } };
    if (query === ENTRY_QUERY) {
      const row = rows.find((r) => `"${r.slug}"` === req.query.get("$slug"));
      return { json: { ms: 1, query, result: row ? { ...row, body } : null } };
    }
    return { status: 400, json: { error: "unexpected query" } };
  });
}

const configure = (url: string, withToken: boolean) => {
  vi.stubEnv("SANITY_PROJECT_ID", "abc123");
  vi.stubEnv("SANITY_DATASET", "production");
  vi.stubEnv("SANITY_API_HOST", url);
  if (withToken) vi.stubEnv("SANITY_API_READ_TOKEN", token);
};
afterEach(() => vi.unstubAllEnvs());
const exposed = 'Sanity dataset "production" is public, so anyone can read its members-only posts with a GROQ query: make the dataset private';

describe("members-only posts from Sanity", () => {
  it("fail the build when a public dataset holds them and no token is set", async () => {
    const server = await dataset("public");
    try {
      configure(server.url, false);
      await expect(remoteProvider(source).listEntries("posts")).rejects.toThrow(exposed);
      await expect(remoteProvider(source).getEntry("posts", "members-only")).rejects.toThrow(exposed);
    } finally {
      await server.close();
    }
  });

  it("fail the build when the dataset is public even with a token: a tokenless count finds them", async () => {
    const server = await dataset("public");
    try {
      configure(server.url, true);
      await expect(remoteProvider(source).listEntries("posts")).rejects.toThrow(exposed);
      const probe = server.seen.find((r) => r.query.get("query") === MEMBERS_EXPOSED_QUERY);
      expect(probe?.headers.authorization).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it("are read from a private dataset with the token, the probe refused to anyone else", async () => {
    const server = await dataset("private");
    try {
      configure(server.url, true);
      const p = remoteProvider(source);
      expect((await p.listEntries("posts")).map((e) => [e.slug, e.members])).toEqual([["members-only", true], ["open", undefined]]);
      expect((await p.getEntry("posts", "members-only"))?.html).toContain("The secret body");
      const reads = server.seen.filter((r) => r.query.get("query") !== MEMBERS_EXPOSED_QUERY);
      expect(reads.every((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
      // The dataset's privacy is asked once per provider, not once per read.
      expect(server.seen.filter((r) => r.query.get("query") === MEMBERS_EXPOSED_QUERY)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("a public dataset without members-only posts builds as before, without a token", async () => {
    const server = await dataset("public", [posts[0] as (typeof posts)[number]]);
    try {
      configure(server.url, false);
      expect((await remoteProvider(source).listEntries("posts")).map((e) => e.slug)).toEqual(["open"]);
    } finally {
      await server.close();
    }
  });
});
