// The Strapi provider with the real @strapi/client against a loopback server in Strapi 5's REST shape
// (GET /api/<plural>?fields[0]=…&filters[slug][$eq]=…&status=…, flat documents). The end-to-end test
// (tests/e2e/cms.test.ts) runs it against a real Strapi as well.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { remoteProvider } from "../src/providers/remote.ts";
import { SUMMARY_FIELDS, source } from "../src/providers/strapi.ts";
import { closedPort, fixtureServer } from "./fixture-server.ts";
import { expectEveryWayOutSafe, expectUnsafe, htmlVectors, urlVectors } from "./hostile.ts";

// @repo/content's entry points read the selected provider (src/provider.ts): here, Strapi's.
vi.mock("../src/provider.ts", async () => ({ provider: (await import("../src/providers/remote.ts")).remoteProvider((await import("../src/providers/strapi.ts")).source) }));

const blocks = [{ type: "paragraph", children: [{ type: "text", text: "From Strapi", bold: true }] }];

// Strapi 5's product documents (apps/cms's product type, a stack with commerce), image populated.
const products = [
  { id: 1, documentId: "p1", slug: "mug", name: "Mug", description: "A mug", price: 1800, currency: "usd", image: { id: 3, url: "/uploads/mug_1a2b.png", mime: "image/png" }, body: blocks },
  { id: 2, documentId: "p2", slug: "bag", name: "Bag", description: null, price: 2400, currency: "eur", image: { url: "https://cdn.example.com/bag.png" }, body: null },
];

function strapiServer(title: string, status = 200) {
  return fixtureServer((req) => {
    if (status !== 200) return { status, json: { data: null, error: { status, name: "UnauthorizedError", message: "Missing or invalid credentials", details: {} } } };
    const one = req.query.get("filters[slug][$eq]");
    if (req.path === "/api/products") {
      const data = products.filter((d) => !one || d.slug === one);
      return { json: { data, meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } } } };
    }
    const data = [
      { id: 1, documentId: "d1", slug: "first", title: `${title} one`, date: "2026-03-01", tags: ["cms"], publishedAt: "2026-03-02T10:00:00.000Z", ...(one ? { body: blocks } : {}) },
      { id: 2, documentId: "d2", slug: "second", title: `${title} two`, date: null, tags: null, publishedAt: "2026-04-01T08:00:00.000Z" },
    ].filter((d) => !one || d.slug === one);
    return { json: { data, meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } } } };
  });
}

const configure = (url: string) => {
  vi.stubEnv("STRAPI_URL", url);
  vi.stubEnv("STRAPI_API_TOKEN", "read-token");
};

afterEach(() => vi.unstubAllEnvs());

describe("the Strapi provider", () => {
  it("reads published posts' summary fields with the API token, newest first", async () => {
    const server = await strapiServer("Published");
    try {
      configure(`${server.url}/`);
      const list = await remoteProvider(source).listEntries("posts");
      // No date: the publication date stands in.
      expect(list.map((e) => [e.title, e.date, e.tags])).toEqual([["Published two", "2026-04-01", []], ["Published one", "2026-03-01", ["cms"]]]);
      const [req] = server.seen;
      expect(req?.path).toBe("/api/posts");
      expect(req?.query.get("status")).toBe("published");
      expect(SUMMARY_FIELDS.posts.map((_, i) => req?.query.get(`fields[${i}]`))).toEqual(SUMMARY_FIELDS.posts);
      expect(req?.headers.authorization).toBe("Bearer read-token");
    } finally {
      await server.close();
    }
  });

  it("finds an entry by slug and renders its blocks to HTML", async () => {
    const server = await strapiServer("Published");
    try {
      configure(server.url);
      const e = await remoteProvider(source).getEntry("pages", "first");
      expect(e?.html).toBe("<p><strong>From Strapi</strong></p>");
      expect(server.seen[0]?.path).toBe("/api/pages");
      expect(server.seen[0]?.query.get("filters[slug][$eq]")).toBe("first");
    } finally {
      await server.close();
    }
  });

  it("reads the product type with its image populated; an upload's path is made absolute on Strapi's URL", async () => {
    const server = await strapiServer("Published");
    try {
      configure(`${server.url}/`);
      const p = remoteProvider(source);
      expect(await p.listProducts()).toEqual([
        { slug: "bag", name: "Bag", description: "", price: 2400, currency: "eur", image: "https://cdn.example.com/bag.png", html: "" },
        { slug: "mug", name: "Mug", description: "A mug", price: 1800, currency: "usd", image: `${server.url}/uploads/mug_1a2b.png`, html: "<p><strong>From Strapi</strong></p>" },
      ]);
      expect([server.seen[0]?.query.get("populate[0]"), server.seen[0]?.query.get("status")]).toEqual(["image", "published"]);
      expect((await p.getProduct("mug"))?.price).toBe(1800);
      expect(server.seen[1]?.query.get("filters[slug][$eq]")).toBe("mug");
    } finally {
      await server.close();
    }
  });

  it("reads drafts with the preview token on a Vercel preview deployment only", async () => {
    const server = await strapiServer("Any");
    try {
      configure(server.url);
      vi.stubEnv("STRAPI_PREVIEW_TOKEN", "preview-token");
      await remoteProvider(source).listEntries("posts");
      vi.stubEnv("VERCEL_ENV", "preview");
      await remoteProvider(source).listEntries("posts");
      expect(server.seen.map((r) => [r.query.get("status"), r.headers.authorization])).toEqual([
        ["published", "Bearer read-token"],
        ["draft", "Bearer preview-token"],
      ]);
    } finally {
      await server.close();
    }
  });

  it("fails with one sentence naming Strapi, the URL and the status, or that it is unreachable", async () => {
    const server = await strapiServer("x", 401);
    try {
      configure(server.url);
      await expect(remoteProvider(source).listEntries("posts")).rejects.toThrow(`Strapi at ${server.url} answered 401`);
    } finally {
      await server.close();
    }
    const port = await closedPort();
    configure(`http://127.0.0.1:${port}`);
    await expect(remoteProvider(source).listEntries("posts")).rejects.toThrow(`Strapi at http://127.0.0.1:${port} could not be reached`);
  });
});

// A hostile blocks body: link nodes and image blocks to every hostile URL (React blocks only
// javascript:, not data: or vbscript:), and the HTML corpus as text nodes.
const hostileBlocks = [
  { type: "paragraph", children: [{ type: "text", text: "Hostile but readable" }] },
  { type: "paragraph", children: urlVectors.map((url) => ({ type: "link", url, children: [{ type: "text", text: "a link" }] })) },
  ...urlVectors.map((url) => ({ type: "image", image: { url, alternativeText: "x", width: 1, height: 1, name: "x" }, children: [{ type: "text", text: "" }] })),
  ...htmlVectors.map((v) => ({ type: "paragraph", children: [{ type: "text", text: v.html }] })),
];

function hostileStrapiServer() {
  return fixtureServer((req) => {
    const one = req.query.get("filters[slug][$eq]");
    const docs =
      req.path === "/api/products"
        ? [{ id: 9, documentId: "hp", slug: "hostile-mug", name: "Hostile mug", price: 1800, currency: "usd", image: null, body: hostileBlocks }]
        : [
            { id: 7, documentId: "hs", slug: "hostile", title: "Hostile", publishedAt: "2026-03-01T00:00:00.000Z", body: hostileBlocks },
            { id: 8, documentId: "hm", slug: "hostile-members", title: "Hostile", members: true, publishedAt: "2026-03-01T00:00:00.000Z", body: hostileBlocks },
          ];
    const data = docs.filter((d) => !one || d.slug === one);
    return { json: { data, meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } } } };
  });
}

describe("a hostile Strapi document", () => {
  it("comes out of every entry point without anything that runs, though the blocks renderer lets data: and vbscript: through", async () => {
    const server = await hostileStrapiServer();
    try {
      configure(server.url);
      expectUnsafe((await remoteProvider(source).getEntry("posts", "hostile"))?.html);
      await expectEveryWayOutSafe({ entry: "hostile", members: "hostile-members", product: "hostile-mug" }, "Hostile but readable");
    } finally {
      await server.close();
    }
  });
});

describe("apps/cms's content types", () => {
  it("hold every field the provider reads", () => {
    for (const [collection, type] of [["posts", "post"], ["pages", "page"]] as const) {
      const schema = JSON.parse(readFileSync(new URL(`../../../templates/content-strapi/files/apps/cms/src/api/${type}/content-types/${type}/schema.json`, import.meta.url), "utf8"));
      expect(schema.info.pluralName).toBe(collection);
      expect(schema.options.draftAndPublish).toBe(true);
      for (const f of SUMMARY_FIELDS[collection].filter((f) => f !== "publishedAt")) expect(Object.keys(schema.attributes), f).toContain(f);
      expect(schema.attributes.body.type).toBe("blocks");
    }
  });

  it("with commerce, hold a product type with every field the provider reads", () => {
    const schema = JSON.parse(readFileSync(new URL("../../../templates/content-strapi/files-products/apps/cms/src/api/product/content-types/product/schema.json", import.meta.url), "utf8"));
    expect(schema.info.pluralName).toBe("products");
    expect(Object.keys(schema.attributes).sort()).toEqual(["body", "currency", "description", "image", "name", "price", "slug"]);
    expect([schema.attributes.price.type, schema.attributes.image.type]).toEqual(["integer", "media"]);
  });
});
