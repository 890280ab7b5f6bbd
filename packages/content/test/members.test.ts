// Members-only entries: the flag read from Markdown frontmatter, and pages never given the body.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { readEntries } from "../scripts/read-markdown.ts";

const body = "<p>The members' reward.</p>";
vi.mock("../src/provider.ts", () => {
  const entries = [
    { collection: "posts", slug: "open", title: "Open", description: "", date: "2026-11-20", tags: [], html: "<p>For all.</p>" },
    { collection: "posts", slug: 'odd"slug', title: "Odd", description: "", date: "2026-11-21", tags: [], members: true, html: body },
  ];
  return {
    provider: {
      listEntries: async () => entries.map(({ html: _, ...e }) => e),
      getEntry: async (collection: string, slug: string) => entries.find((e) => e.collection === collection && e.slug === slug),
      listProducts: async () => [],
      getProduct: async () => undefined,
    },
  };
});
const { getEntry, listEntries } = await import("../src/index.ts");
const { getMembersEntry } = await import("../src/members.ts");

describe("members-only entries", () => {
  it("reads `members: true` from frontmatter, and refuses any other value than true or false (it fails closed)", () => {
    const dir = mkdtempSync(join(tmpdir(), "jam-members-"));
    mkdirSync(join(dir, "posts"));
    mkdirSync(join(dir, "pages"));
    writeFileSync(join(dir, "posts/a.md"), "---\ntitle: A\nmembers: true\n---\nSecret.\n");
    writeFileSync(join(dir, "posts/b.md"), "---\ntitle: B\nmembers: false\n---\nOpen.\n");
    writeFileSync(join(dir, "posts/c.md"), "---\ntitle: C\n---\nOpen.\n");
    expect(readEntries(dir).map((e) => [e.slug, e.members])).toEqual([["a", true], ["b", undefined], ["c", undefined]]);
    for (const value of ["yes", '"true"', "on", "1", '"members"', "[true]"]) {
      writeFileSync(join(dir, "posts/d.md"), `---\ntitle: D\nmembers: ${value}\n---\nSecret.\n`);
      expect(() => readEntries(dir), value).toThrow(/^posts\/d\.md: "members" must be true or false, not /);
    }
  });

  it("gives pages a placeholder naming the entry (escaped), never the body", async () => {
    const entry = await getEntry("posts", 'odd"slug');
    expect(entry?.html).not.toContain("reward");
    expect(entry?.html).toBe('<jam-members data-entry="posts/odd&#34;slug"><p class="notice">This post is for members only.</p></jam-members>');
    expect((await getEntry("posts", "open"))?.html).toBe("<p>For all.</p>");
    expect((await listEntries("posts")).map((e) => e.members)).toEqual([undefined, true]);
  });

  it("gives the body through @repo/content/members only, and only for a members-only entry", async () => {
    expect((await getMembersEntry("posts", 'odd"slug'))?.html).toBe(body);
    expect(await getMembersEntry("posts", "open")).toBeUndefined();
    expect(await getMembersEntry("posts", "none")).toBeUndefined();
  });
});
