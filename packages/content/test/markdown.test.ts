// Local Markdown (scripts/read-markdown.ts: gray-matter and marked, at build time) with a hostile
// file: marked passes raw HTML and javascript: links through, and @repo/content's entry points
// must not. The provider serves what read-markdown.ts rendered, as src/providers/markdown.ts does.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it, vi } from "vitest";
import { readEntries, readProducts } from "../scripts/read-markdown.ts";
import type { Entry, Product } from "../src/types.ts";
import { expectEveryWayOutSafe, expectUnsafe, htmlVectors, urlVectors } from "./hostile.ts";

const rendered = vi.hoisted(() => ({ entries: [] as Entry[], products: [] as Product[] }));
vi.mock("../src/provider.ts", () => ({
  provider: {
    listEntries: async () => [],
    getEntry: async (collection: string, slug: string) => rendered.entries.find((e) => e.collection === collection && e.slug === slug),
    listProducts: async () => rendered.products,
    getProduct: async (slug: string) => rendered.products.find((p) => p.slug === slug),
  },
}));

const body = [
  "Hostile but readable.",
  ...htmlVectors.map((v) => v.html),
  ...urlVectors.flatMap((url) => [`[a link](${url})`, `[a link](<${url}>)`, `![an image](${url})`, `<${url}>`]),
].join("\n\n");

describe("a hostile Markdown file", () => {
  it("comes out of every entry point without anything that runs, though marked lets it through", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jam-xss-"));
    for (const folder of ["posts", "pages", "products"]) mkdirSync(join(dir, folder));
    writeFileSync(join(dir, "posts/hostile.md"), `---\ntitle: Hostile\n---\n${body}\n`);
    writeFileSync(join(dir, "posts/hostile-members.md"), `---\ntitle: Hostile\nmembers: true\n---\n${body}\n`);
    writeFileSync(join(dir, "products/hostile-mug.md"), `---\nname: Hostile mug\nprice: 1800\ncurrency: usd\nimage: https://example.com/mug.png\n---\n${body}\n`);
    rendered.entries = readEntries(dir);
    rendered.products = readProducts(dir);
    expectUnsafe(rendered.entries[0]?.html);
    await expectEveryWayOutSafe({ entry: "hostile", members: "hostile-members", product: "hostile-mug" }, "Hostile but readable");
  });
});
