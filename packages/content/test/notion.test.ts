// The Notion provider with the real @notionhq/client against a loopback server in the API's shape
// (POST /v1/data_sources/<id>/query, GET /v1/blocks/<id>/children), asserting the filters it sent.
import { afterEach, describe, expect, it, vi } from "vitest";
import { source } from "../src/providers/notion.ts";
import { remoteProvider } from "../src/providers/remote.ts";
import { closedPort, fixtureServer } from "./fixture-server.ts";
import { expectEveryWayOutSafe, expectUnsafe, htmlVectors, urlVectors } from "./hostile.ts";

// @repo/content's entry points read the selected provider (src/provider.ts): here, Notion's.
vi.mock("../src/provider.ts", async () => ({ provider: (await import("../src/providers/remote.ts")).remoteProvider((await import("../src/providers/notion.ts")).source) }));

const rt = (s: string, bold = false) => [{ type: "text", text: { content: s, link: null }, annotations: { bold, italic: false, strikethrough: false, underline: false, code: false, color: "default" }, plain_text: s, href: null }];
const page = (id: string, slug: string, title: string, date: string) => ({
  object: "page",
  id,
  properties: {
    Name: { id: "title", type: "title", title: rt(title) },
    Slug: { id: "s", type: "rich_text", rich_text: rt(slug) },
    Description: { id: "d", type: "rich_text", rich_text: rt("") },
    Date: { id: "t", type: "date", date: { start: date, end: null, time_zone: null } },
    Tags: { id: "g", type: "multi_select", multi_select: [{ id: "1", name: "notion", color: "blue" }] },
  },
});
const paragraph = { object: "block", id: "b1", type: "paragraph", has_children: false, paragraph: { rich_text: rt("From Notion", true), color: "default" } };

// Products are rows of Type "Product" with Price (number), Currency (select) and Image (an external file).
const product = (id: string, slug: string, name: string, price: number | null) => ({
  object: "page",
  id,
  properties: {
    ...page(id, slug, name, "2026-01-01").properties,
    Price: { id: "p", type: "number", number: price },
    Currency: { id: "c", type: "select", select: { id: "u", name: "USD", color: "gray" } },
    Image: { id: "i", type: "files", files: [{ name: "mug.png", type: "external", external: { url: "https://example.com/mug.png" } }] },
  },
});

function notionServer(status = 200) {
  return fixtureServer((req) => {
    if (status !== 200) return { status, json: { object: "error", status, code: "unauthorized", message: "API token is invalid." } };
    if (req.path === "/v1/data_sources/ds1/query" && req.body.includes('"equals":"Product"')) {
      const price = req.body.includes('"equals":"broken"') ? null : 1800;
      return { json: { object: "list", results: [product("p2", "mug", "Mug", price)], has_more: false, next_cursor: null } };
    }
    if (req.path === "/v1/data_sources/ds1/query") {
      const pages = [page("p1", "older", "Older in Notion", "2026-01-01"), page("p2", "newer", "Newer in Notion", "2026-02-01")];
      const slug = JSON.stringify(JSON.parse(req.body).filter).match(/"rich_text":\{"equals":"([^"]+)"/)?.[1];
      return { json: { object: "list", results: pages.filter((p) => !slug || p.properties.Slug.rich_text[0]?.plain_text === slug), has_more: false, next_cursor: null } };
    }
    if (req.path === "/v1/blocks/p2/children") return { json: { object: "list", results: [paragraph], has_more: false, next_cursor: null } };
    return { status: 404, json: { object: "error", status: 404, code: "object_not_found", message: req.path } };
  });
}

const configure = (url: string) => {
  vi.stubEnv("NOTION_TOKEN", "secret_notion");
  vi.stubEnv("NOTION_DATA_SOURCE_ID", "ds1");
  vi.stubEnv("NOTION_BASE_URL", url);
};

afterEach(() => vi.unstubAllEnvs());

describe("the Notion provider", () => {
  it("queries the data source for published posts with the token and Notion-Version", async () => {
    const server = await notionServer();
    try {
      configure(server.url);
      const list = await remoteProvider(source).listEntries("posts");
      expect(list.map((e) => [e.title, e.date, e.tags])).toEqual([["Newer in Notion", "2026-02-01", ["notion"]], ["Older in Notion", "2026-01-01", ["notion"]]]);
      const [req] = server.seen;
      expect(req?.method).toBe("POST");
      expect(req?.headers.authorization).toBe("Bearer secret_notion");
      expect(req?.headers["notion-version"]).toBe("2025-09-03");
      expect(JSON.parse(req?.body ?? "{}").filter).toEqual({ and: [{ property: "Type", select: { equals: "Post" } }, { property: "Status", status: { equals: "Published" } }] });
    } finally {
      await server.close();
    }
  });

  it("reads products (Type Product) with their price, currency, external image and body", async () => {
    const server = await notionServer();
    try {
      configure(server.url);
      const p = remoteProvider(source);
      expect(await p.listProducts()).toEqual([
        { slug: "mug", name: "Mug", description: "", price: 1800, currency: "usd", image: "https://example.com/mug.png", html: "<p><strong>From Notion</strong></p>\n" },
      ]);
      expect(JSON.parse(server.seen[0]?.body ?? "{}").filter.and[0]).toEqual({ property: "Type", select: { equals: "Product" } });
      await expect(p.getProduct("broken")).rejects.toThrow('Notion product "mug": its price must be a whole number of cents (1800 for 18.00), not null.');
    } finally {
      await server.close();
    }
  });

  it("renders an entry's blocks to HTML; a preview deployment drops the Status filter", async () => {
    const server = await notionServer();
    try {
      configure(server.url);
      vi.stubEnv("VERCEL_ENV", "preview");
      const e = await remoteProvider(source).getEntry("posts", "newer");
      expect(e?.html.trim()).toBe("<p><strong>From Notion</strong></p>");
      expect(JSON.parse(server.seen[0]?.body ?? "{}").filter).toEqual({ and: [{ property: "Type", select: { equals: "Post" } }, { property: "Slug", rich_text: { equals: "newer" } }] });
    } finally {
      await server.close();
    }
  });

  it("fails with one sentence naming Notion, the URL and the status, or that it is unreachable", async () => {
    const server = await notionServer(401);
    try {
      configure(server.url);
      await expect(remoteProvider(source).listEntries("posts")).rejects.toThrow(`Notion at ${server.url} answered 401`);
    } finally {
      await server.close();
    }
    const port = await closedPort();
    configure(`http://127.0.0.1:${port}`);
    await expect(remoteProvider(source).listEntries("posts")).rejects.toThrow(`Notion at http://127.0.0.1:${port} could not be reached`);
  }, 20_000);
});

// A hostile page: raw HTML typed into paragraphs (notion-to-md writes plain_text as it is, marked
// passes HTML through) and text links to every hostile URL (notion-to-md writes [text](href) unchecked).
const link = (url: string) => [{ type: "text", text: { content: "a link", link: { url } }, annotations: rt("")[0]?.annotations, plain_text: "a link", href: url }];
const hostileBlocks = [
  { object: "block", id: "h0", type: "paragraph", has_children: false, paragraph: { rich_text: rt("Hostile but readable"), color: "default" } },
  ...htmlVectors.map((v, i) => ({ object: "block", id: `h${i + 1}`, type: "paragraph", has_children: false, paragraph: { rich_text: rt(v.html), color: "default" } })),
  ...urlVectors.map((url, i) => ({ object: "block", id: `u${i}`, type: "paragraph", has_children: false, paragraph: { rich_text: link(url), color: "default" } })),
];
const hostilePage = (id: string, slug: string, members: boolean) => {
  const p = page(id, slug, slug, "2026-03-01");
  return { ...p, properties: { ...p.properties, Members: { id: "m", type: "checkbox", checkbox: members } } };
};

function hostileNotionServer() {
  return fixtureServer((req) => {
    if (req.path === "/v1/data_sources/ds1/query") {
      const body = JSON.parse(req.body);
      const results = req.body.includes('"equals":"Product"')
        ? [{ ...product("hp", "hostile-mug", "Hostile mug", 1800), id: "hp" }]
        : [hostilePage("hs", "hostile", false), hostilePage("hm", "hostile-members", true)].filter((p) => JSON.stringify(body.filter).includes(`"equals":"${p.properties.Slug.rich_text[0]?.plain_text}"`));
      return { json: { object: "list", results, has_more: false, next_cursor: null } };
    }
    if (req.path.startsWith("/v1/blocks/")) return { json: { object: "list", results: hostileBlocks, has_more: false, next_cursor: null } };
    return { status: 404, json: { object: "error", status: 404, code: "object_not_found", message: req.path } };
  });
}

describe("a hostile Notion page", () => {
  it("comes out of every entry point without anything that runs, though notion-to-md and marked let it through", async () => {
    const server = await hostileNotionServer();
    try {
      configure(server.url);
      expectUnsafe((await remoteProvider(source).getEntry("posts", "hostile"))?.html);
      await expectEveryWayOutSafe({ entry: "hostile", members: "hostile-members", product: "hostile-mug" }, "Hostile but readable");
    } finally {
      await server.close();
    }
  });
});
