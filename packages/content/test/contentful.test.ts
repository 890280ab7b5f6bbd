// The Contentful provider with the real contentful client against loopback servers in the Content
// Delivery / Preview API's shape (GET /spaces/<space>/environments/<env>/entries?content_type=…).
import { afterEach, describe, expect, it, vi } from "vitest";
import { IMAGE_PARAMS, source } from "../src/providers/contentful.ts";
import { remoteProvider } from "../src/providers/remote.ts";
import { closedPort, fixtureServer } from "./fixture-server.ts";
import { expectEveryWayOutSafe, expectUnsafe, htmlVectors, urlVectors } from "./hostile.ts";

// @repo/content's entry points read the selected provider (src/provider.ts): here, Contentful's.
vi.mock("../src/provider.ts", async () => ({ provider: (await import("../src/providers/remote.ts")).remoteProvider((await import("../src/providers/contentful.ts")).source) }));

const richText = { nodeType: "document", data: {}, content: [{ nodeType: "paragraph", data: {}, content: [{ nodeType: "text", value: "From Contentful", marks: [{ type: "bold" }], data: {} }] }] };

function entry(id: string, type: string, fields: Record<string, unknown>) {
  return {
    sys: { id, type: "Entry", locale: "en-US", createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z", revision: 1, space: { sys: { type: "Link", linkType: "Space", id: "space1" } }, environment: { sys: { type: "Link", linkType: "Environment", id: "master" } }, contentType: { sys: { type: "Link", linkType: "ContentType", id: type } } },
    metadata: { tags: [] },
    fields,
  };
}

// A product links its image: the asset comes in `includes`, and the client resolves the link.
const asset = { sys: { id: "img1", type: "Asset", locale: "en-US" }, fields: { title: "Mug", file: { url: "//images.ctfassets.net/space1/img1/abc/mug.png", contentType: "image/png" } } };
const products = [
  entry("p1", "product", { slug: "mug", name: "Mug", description: "A mug", price: 1800, currency: "usd", image: { sys: { type: "Link", linkType: "Asset", id: "img1" } }, body: richText }),
  entry("p2", "product", { slug: "bag", name: "Bag", price: 2400, currency: "EUR" }),
];

function contentfulServer(title: string, status = 200) {
  return fixtureServer((req) => {
    if (status !== 200) return { status, json: { sys: { type: "Error", id: "AccessTokenInvalid" }, message: "The access token you sent could not be found or is invalid.", requestId: "r1" } };
    const one = req.query.get("fields.slug");
    if (req.query.get("content_type") === "product") {
      const items = products.filter((e) => !one || e.fields.slug === one);
      return { json: { sys: { type: "Array" }, total: items.length, skip: 0, limit: 1000, items, includes: { Asset: [asset] } } };
    }
    const items = [
      entry("1", "post", { slug: "first", title: `${title} one`, date: "2026-03-01T10:00+00:00", tags: ["cms"], ...(one ? { body: richText } : {}) }),
      entry("2", "post", { slug: "second", title: `${title} two`, date: "2026-04-01" }),
    ].filter((e) => !one || e.fields.slug === one);
    return { json: { sys: { type: "Array" }, total: items.length, skip: 0, limit: 1000, items } };
  });
}

const configure = (host: string) => {
  vi.stubEnv("CONTENTFUL_SPACE_ID", "space1");
  vi.stubEnv("CONTENTFUL_ACCESS_TOKEN", "cda-token");
  vi.stubEnv("CONTENTFUL_HOST", host);
};

afterEach(() => vi.unstubAllEnvs());

describe("the Contentful provider", () => {
  it("asks for the collection's content type with the delivery token and returns posts newest first", async () => {
    const server = await contentfulServer("Delivered");
    try {
      configure(server.host);
      const list = await remoteProvider(source).listEntries("posts");
      expect(list.map((e) => [e.title, e.date])).toEqual([["Delivered two", "2026-04-01"], ["Delivered one", "2026-03-01"]]);
      const [req] = server.seen;
      expect(req?.path).toBe("/spaces/space1/environments/master/entries");
      expect(req?.query.get("content_type")).toBe("post");
      expect(req?.headers.authorization).toBe("Bearer cda-token");
    } finally {
      await server.close();
    }
  });

  it("reads the product type with its linked image sized by the Images API, and finds one by slug", async () => {
    const server = await contentfulServer("Delivered");
    try {
      configure(server.host);
      const p = remoteProvider(source);
      expect(await p.listProducts()).toEqual([
        { slug: "bag", name: "Bag", description: "", price: 2400, currency: "eur", image: "", html: "" },
        { slug: "mug", name: "Mug", description: "A mug", price: 1800, currency: "usd", image: `https://images.ctfassets.net/space1/img1/abc/mug.png${IMAGE_PARAMS}`, html: "<p><b>From Contentful</b></p>" },
      ]);
      expect([server.seen[0]?.query.get("content_type"), server.seen[0]?.query.get("include")]).toEqual(["product", "1"]);
      expect((await p.getProduct("mug"))?.name).toBe("Mug");
      expect(server.seen[1]?.query.get("fields.slug")).toBe("mug");
      expect(await p.getProduct("none")).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it("finds an entry by slug and renders its rich text to HTML", async () => {
    const server = await contentfulServer("Delivered");
    try {
      configure(server.host);
      const e = await remoteProvider(source).getEntry("posts", "first");
      expect(e?.html).toBe("<p><b>From Contentful</b></p>");
      expect(server.seen[0]?.query.get("fields.slug")).toBe("first");
    } finally {
      await server.close();
    }
  });

  it("reads the Preview API with the preview token on a Netlify deploy preview only", async () => {
    const delivery = await contentfulServer("Delivered");
    const preview = await contentfulServer("Draft");
    try {
      configure(delivery.host);
      vi.stubEnv("CONTENTFUL_PREVIEW_HOST", preview.host);
      vi.stubEnv("CONTENTFUL_PREVIEW_ACCESS_TOKEN", "cpa-token");
      expect((await remoteProvider(source).listEntries("posts"))[0]?.title).toBe("Delivered two");
      vi.stubEnv("CONTEXT", "deploy-preview");
      expect((await remoteProvider(source).listEntries("posts"))[0]?.title).toBe("Draft two");
      expect(preview.seen.map((r) => r.headers.authorization)).toEqual(["Bearer cpa-token"]);
      expect(delivery.seen).toHaveLength(1);
    } finally {
      await delivery.close();
      await preview.close();
    }
  });

  it("fails with one sentence naming Contentful, the URL and the status, or that it is unreachable", async () => {
    const server = await contentfulServer("x", 401);
    try {
      configure(server.host);
      await expect(remoteProvider(source).listEntries("posts")).rejects.toThrow(`Contentful at ${server.url} answered 401`);
    } finally {
      await server.close();
    }
    const port = await closedPort();
    configure(`127.0.0.1:${port}`);
    await expect(remoteProvider(source).listEntries("posts")).rejects.toThrow(`Contentful at http://127.0.0.1:${port} could not be reached`);
  }, 20_000);
});

// A hostile rich-text body: hyperlinks to every hostile URL (the renderer escapes only `"` in a
// uri), embedded assets whose file URL is hostile, and the HTML corpus as text (which it escapes).
const text = (value: string) => ({ nodeType: "text", value, marks: [], data: {} });
const hostileAsset = (url: string, i: number) => ({ sys: { id: `ha${i}`, type: "Asset", locale: "en-US" }, fields: { title: "x", file: { url, contentType: "image/png" } } });
const hostileBody = {
  nodeType: "document",
  data: {},
  content: [
    { nodeType: "paragraph", data: {}, content: [text("Hostile but readable")] },
    ...urlVectors.map((uri) => ({ nodeType: "paragraph", data: {}, content: [{ nodeType: "hyperlink", data: { uri }, content: [text("a link")] }] })),
    ...urlVectors.map((url, i) => ({ nodeType: "embedded-asset-block", data: { target: hostileAsset(url, i) }, content: [] })),
    ...htmlVectors.map((v) => ({ nodeType: "paragraph", data: {}, content: [text(v.html)] })),
  ],
};

function hostileContentfulServer() {
  return fixtureServer((req) => {
    const one = req.query.get("fields.slug");
    const items =
      req.query.get("content_type") === "product"
        ? [entry("hp", "product", { slug: "hostile-mug", name: "Hostile mug", price: 1800, currency: "usd", body: hostileBody })]
        : [entry("hs", "post", { slug: "hostile", title: "Hostile", body: hostileBody }), entry("hm", "post", { slug: "hostile-members", title: "Hostile", members: true, body: hostileBody })];
    const found = items.filter((e) => !one || e.fields.slug === one);
    return { json: { sys: { type: "Array" }, total: found.length, skip: 0, limit: 1000, items: found } };
  });
}

describe("a hostile Contentful entry", () => {
  it("comes out of every entry point without anything that runs, though the rich-text renderer keeps javascript: links", async () => {
    const server = await hostileContentfulServer();
    try {
      configure(server.host);
      expectUnsafe((await remoteProvider(source).getEntry("posts", "hostile"))?.html);
      await expectEveryWayOutSafe({ entry: "hostile", members: "hostile-members", product: "hostile-mug" }, "Hostile but readable");
    } finally {
      await server.close();
    }
  });
});

describe("the Contentful content model (contentful/model.cjs)", () => {
  it("creates post and page (and product, whose product.cjs a commerce stack brings) with every field the provider reads", async () => {
    const { createRequire } = await import("node:module");
    const { SUMMARY_FIELDS } = await import("../src/providers/contentful.ts");
    const created: Record<string, string[]> = {};
    // A recording stand-in for contentful-migration's Migration: every builder call chains.
    const builder = (): unknown => new Proxy(() => {}, { get: () => () => builder() });
    const migration = {
      createContentType: (id: string) => ({
        ...Object.fromEntries(["name", "description", "displayField"].map((k) => [k, () => migration.createContentType(id)])),
        createField: (field: string) => ((created[id] ??= []).push(field), builder()),
      }),
    };
    createRequire(import.meta.url)("../contentful/model.cjs")(migration);
    expect(Object.keys(created)).toEqual(["post", "page", "product"]);
    expect(created.product?.sort()).toEqual(["body", "currency", "description", "image", "name", "price", "slug"]);
    for (const f of [...SUMMARY_FIELDS.filter((f) => f !== "date"), "body"]) expect(created.page, f).toContain(f);
    for (const f of [...SUMMARY_FIELDS, "body"]) expect(created.post, f).toContain(f);
  });
});
