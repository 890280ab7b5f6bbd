// `pnpm seed` with each CMS's real SDK against a loopback server that keeps what it is sent, in that
// API's documented shape: the first run creates the demo content (images included), the second
// sends no write at all, and an entry the user made with a demo slug is never written to.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { target as contentful } from "../scripts/seed/contentful.ts";
import { demoContent } from "../scripts/seed/demo.ts";
import { target as notion } from "../scripts/seed/notion.ts";
import { seed } from "../scripts/seed/run.ts";
import { target as sanity } from "../scripts/seed/sanity.ts";
import { target as strapi } from "../scripts/seed/strapi.ts";
import { closedPort, fixtureServer, type Seen } from "./fixture-server.ts";

const demo = demoContent(join(import.meta.dirname, "../content"));
const slugsOf = (kind: string) => demo.filter((i) => i.kind === kind).map((i) => i.slug);
const writes = (seen: Seen[]) => seen.filter((s) => s.method !== "GET" && !s.path.endsWith("/query"));

describe("pnpm seed", () => {
  it("reads the demo content: posts, pages and products with their images, bodies as blocks", () => {
    expect(slugsOf("post")).toEqual(["deploy-on-the-first-push", "hello-jamstack", "writing-in-markdown"]);
    expect(slugsOf("page")).toEqual(["about"]);
    const mug = demo.find((i) => i.slug === "jam-jar-mug");
    expect(mug).toMatchObject({ kind: "product", price: 1800, currency: "usd", image: { filename: "jam-jar-mug.svg", contentType: "image/svg+xml" } });
    const markdown = demo.find((i) => i.slug === "writing-in-markdown");
    expect(markdown?.body.map((b) => b.type)).toEqual(["paragraph", "code", "paragraph"]);
    expect(markdown?.body[0]).toMatchObject({ spans: expect.arrayContaining([{ text: "emphasis", marks: ["em"] }, { text: "links", marks: [], href: "https://commonmark.org" }]) });
  });

  it("says so when it creates a members-only entry (an auth stack's demo post)", async () => {
    const members = { ...(demo[0] as Extract<(typeof demo)[number], { kind: "post" }>), slug: "members-only", members: true };
    const target = { ...strapi, open: async () => ({ notes: [], existing: async () => new Map(), create: async () => {} }) };
    expect(await seed(target, [members], { STRAPI_URL: "http://x", STRAPI_SEED_TOKEN: "t" })).toEqual([
      "seed: created 1 post in Strapi.",
      'seed: post "members-only" is for members only: the README\'s "Members-only posts" says who can read its body in Strapi.',
    ]);
  });

  it("names each missing variable and where to get it, and sends nothing", async () => {
    await expect(seed(sanity, demo, { SANITY_PROJECT_ID: "p", SANITY_DATASET: "production" })).rejects.toThrow(
      /^SANITY_API_WRITE_TOKEN is not set: an Editor token from sanity\.io\/manage › your project › API › Tokens \(only the seed uses it\)\. Set it in \.env/,
    );
    await expect(seed(strapi, demo, {})).rejects.toThrow(/STRAPI_URL is not set: .* STRAPI_SEED_TOKEN is not set: a Full access API token/);
  });

  it("fails with one sentence naming the CMS, where, and what it answered (or that nothing did)", async () => {
    const refusing = await fixtureServer(() => ({ status: 401, json: { data: null, error: { status: 401, name: "UnauthorizedError", message: "Missing or invalid credentials", details: {} } } }));
    try {
      await expect(seed(strapi, demo, { STRAPI_URL: refusing.url, STRAPI_SEED_TOKEN: "read-only" })).rejects.toThrow(
        new RegExp(`^Strapi at ${refusing.url} answered 401 \\(check the token and what it may do\\): `),
      );
    } finally {
      await refusing.close();
    }
    const port = await closedPort();
    await expect(seed(sanity, demo, { SANITY_PROJECT_ID: "p", SANITY_DATASET: "production", SANITY_API_WRITE_TOKEN: "t", SANITY_API_HOST: `http://127.0.0.1:${port}` })).rejects.toThrow(
      new RegExp(`^Sanity at http://127\\.0\\.0\\.1:${port} could not be reached`),
    );
  }, 30_000);

  it("Sanity: createIfNotExists with the seed's ids and a write token, the images as assets; then nothing", async () => {
    const docs = new Map<string, Record<string, unknown>>([["user-about", { _id: "drafts.user-about", _type: "page", slug: { current: "about" } }]]);
    const server = await fixtureServer((req) => {
      if (req.path === "/v2025-02-19/data/query/production") {
        const type = JSON.parse(req.query.get("$type") ?? "null");
        const slugs = JSON.parse(req.query.get("$slugs") ?? "[]") as string[];
        const result = [...docs.values()].filter((d) => d._type === type && slugs.includes((d.slug as { current: string }).current)).map((d) => ({ _id: d._id, slug: (d.slug as { current: string }).current }));
        return { json: { result, ms: 1, query: req.query.get("query") } };
      }
      if (req.path === "/v2025-02-19/assets/images/production") return { json: { document: { _id: `image-${req.query.get("filename")}`, _type: "sanity.imageAsset" } } };
      if (req.path === "/v2025-02-19/data/mutate/production") {
        const [{ createIfNotExists: doc }] = JSON.parse(req.body).mutations;
        if (!docs.has(doc._id)) docs.set(doc._id, doc);
        return { json: { transactionId: "t", results: [{ id: doc._id, operation: "create", document: doc }] } };
      }
      return { status: 404, json: { error: "not here" } };
    });
    try {
      const env = { SANITY_PROJECT_ID: "p", SANITY_DATASET: "production", SANITY_API_WRITE_TOKEN: "write-token", SANITY_API_HOST: server.url };
      expect(await seed(sanity, demo, env)).toEqual([
        "seed: created 3 posts, 3 products in Sanity.",
        "seed: uploaded 3 images.",
        'seed: skipped page "about": an entry with that slug is there that the seed did not create; it is left as it is.',
      ]);
      const first = writes(server.seen);
      expect(first.every((s) => s.headers.authorization === "Bearer write-token")).toBe(true);
      const query = server.seen.find((s) => s.path.includes("/data/query/"));
      expect(query?.query.get("perspective")).toBe("raw");
      const mug = docs.get("jam-seed-product-jam-jar-mug");
      expect(mug).toMatchObject({ _type: "product", name: "Jam jar mug", price: 1800, currency: "usd", image: { asset: { _type: "reference", _ref: "image-jam-jar-mug.svg" } } });
      const hello = docs.get("jam-seed-post-hello-jamstack") as { body: { style: string; children: { text: string; marks: string[] }[] }[] };
      expect(hello).toMatchObject({ _type: "post", title: "Hello, JAMstack", date: "2026-11-20", tags: ["welcome", "jamstack"], slug: { _type: "slug", current: "hello-jamstack" } });
      expect(hello.body.find((b) => b.style === "h2")?.children[0]?.text).toBe("Where things are");
      expect(docs.get("user-about")).toEqual({ _id: "drafts.user-about", _type: "page", slug: { current: "about" } });

      const before = server.seen.length;
      expect(await seed(sanity, demo, env)).toEqual([
        "seed: nothing to create in Sanity.",
        "seed: skipped 6 entries an earlier seed created (left as they are).",
        'seed: skipped page "about": an entry with that slug is there that the seed did not create; it is left as it is.',
      ]);
      expect(writes(server.seen.slice(before))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("Contentful: the content model's missing types, assets processed and published, entries published; then nothing", async () => {
    const base = "/spaces/space1/environments/master";
    const store = new Map<string, Record<string, unknown>>();
    store.set(`${base}/entries/user-hello`, { sys: { id: "user-hello", version: 3, contentType: { sys: { id: "post" } } }, fields: { slug: { "en-US": "hello-jamstack" } } });
    store.set(`${base}/content_types/page`, { sys: { id: "page", version: 1 }, name: "Page" });
    const server = await fixtureServer((req) => {
      const path = req.path;
      if (path === `${base}/locales`) return { json: { items: [{ code: "en-US", default: true }] } };
      if (path === `${base}/uploads`) return { status: 201, json: { sys: { id: "upload1", type: "Upload" } } };
      if (req.method === "GET" && (path.endsWith("/content_types") || path.endsWith("/entries"))) {
        const type = req.query.get("content_type");
        const slugs = req.query.get("fields.slug[in]")?.split(",");
        const items = [...store.entries()]
          .filter(([k]) => k.startsWith(`${path}/`) && !k.endsWith("/published"))
          .map(([, v]) => v as { sys: { contentType?: { sys: { id: string } } }; fields?: { slug?: Record<string, string> } })
          .filter((v) => !type || (v.sys.contentType?.sys.id === type && slugs?.includes(v.fields?.slug?.["en-US"] ?? "")));
        return { json: { sys: { type: "Array" }, total: items.length, items } };
      }
      if (req.method === "PUT" && path.endsWith("/process")) return { status: 204, json: {} };
      if (req.method === "GET") {
        const asset = store.get(path) as { fields: { file: Record<string, Record<string, unknown>> } };
        return { json: { ...asset, fields: { ...asset.fields, file: { "en-US": { ...asset.fields.file["en-US"], url: "//images.ctfassets.net/x.svg" } } } } };
      }
      if (req.method === "PUT") {
        const id = path.split("/").at(path.endsWith("/published") ? -2 : -1) as string;
        const type = req.headers["x-contentful-content-type"];
        const doc = { ...JSON.parse(req.body || "{}"), sys: { id, version: 1, ...(type ? { contentType: { sys: { id: type } } } : {}) } };
        store.set(path, doc);
        return { status: 201, json: doc };
      }
      return { status: 404, json: { sys: { id: "NotFound" } } };
    });
    try {
      const env = { CONTENTFUL_SPACE_ID: "space1", CONTENTFUL_MANAGEMENT_TOKEN: "cma-token", CONTENTFUL_MANAGEMENT_HOST: server.host };
      const lines = await seed(contentful, demo, env);
      expect(lines).toEqual([
        "seed: created 2 posts, 1 page, 3 products in Contentful.",
        "seed: created the content model's types post, product.",
        "seed: uploaded and published 3 images.",
        'seed: skipped post "hello-jamstack": an entry with that slug is there that the seed did not create; it is left as it is.',
      ]);
      const put = (p: string) => server.seen.filter((s) => s.method === "PUT" && s.path === `${base}/${p}`);
      // model.cjs's own fields, sent as the type's definition, then published.
      const postType = JSON.parse(put("content_types/post")[0]?.body ?? "{}");
      expect(postType.fields.find((f: { id: string }) => f.id === "slug")).toMatchObject({ name: "Slug", type: "Symbol", required: true, validations: [{ unique: true }, expect.anything()] });
      expect(put("content_types/post/published")).toHaveLength(1);
      expect(put("content_types/page")).toEqual([]);
      const entry = JSON.parse(put("entries/jam-seed-product-jam-jar-mug")[0]?.body ?? "{}");
      expect(entry.fields).toMatchObject({ price: { "en-US": 1800 }, image: { "en-US": { sys: { type: "Link", linkType: "Asset", id: "jam-seed-product-jam-jar-mug-image" } } }, body: { "en-US": { nodeType: "document" } } });
      expect(put("entries/jam-seed-product-jam-jar-mug/published")[0]?.headers["x-contentful-version"]).toBe("1");
      expect(put("assets/jam-seed-product-jam-jar-mug-image/files/en-US/process")).toHaveLength(1);
      expect(put("assets/jam-seed-product-jam-jar-mug-image/published")).toHaveLength(1);
      expect(server.seen.filter((s) => s.path.includes("user-hello"))).toEqual([]);
      expect(server.seen.every((s) => s.headers.authorization === "Bearer cma-token")).toBe(true);

      const before = server.seen.length;
      expect(await seed(contentful, demo, env)).toEqual([
        "seed: nothing to create in Contentful.",
        "seed: skipped 6 entries an earlier seed created (left as they are).",
        'seed: skipped post "hello-jamstack": an entry with that slug is there that the seed did not create; it is left as it is.',
      ]);
      expect(writes(server.seen.slice(before))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("Strapi: uploads, then creates through the REST API with the seed token; a slug there, drafts included, is left alone", async () => {
    const docs: Record<string, { slug: string; [k: string]: unknown }[]> = { posts: [], pages: [{ slug: "about", title: "My about page" }], products: [] };
    const server = await fixtureServer((req) => {
      const kind = req.path.replace(/^\/api\//, "");
      if (req.path === "/api/upload") return { status: 201, json: [{ id: 7, documentId: "f7", name: "jam-jar-mug.svg", url: "/uploads/jam_jar_mug.svg", mime: "image/svg+xml" }] };
      if (req.method === "GET") {
        const slugs = [...req.query.entries()].filter(([k]) => k.startsWith("filters[slug][$in]")).map(([, v]) => v);
        const data = (docs[kind] ?? []).filter((d) => slugs.includes(d.slug));
        return { json: { data, meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } } } };
      }
      const { data } = JSON.parse(req.body);
      docs[kind]?.push(data);
      return { status: 201, json: { data: { id: 1, documentId: "d", ...data }, meta: {} } };
    });
    try {
      const env = { STRAPI_URL: server.url, STRAPI_SEED_TOKEN: "seed-token" };
      expect(await seed(strapi, demo, env)).toEqual([
        "seed: created 3 posts, 3 products in Strapi.",
        "seed: uploaded 3 images.",
        'seed: skipped page "about": an entry with that slug is there already; it is left as it is.',
      ]);
      const list = server.seen.find((s) => s.path === "/api/pages");
      expect(list?.query.get("status")).toBe("draft");
      const uploads = server.seen.filter((s) => s.path === "/api/upload");
      expect(uploads.every((u) => /^multipart\/form-data/.test(u.headers["content-type"] ?? ""))).toBe(true);
      expect(uploads.map((u) => u.body.match(/filename="([^"]+)"/)?.[1])).toEqual(["edge-tote-bag.svg", "jam-jar-mug.svg", "static-sticker-pack.svg"]);
      expect(docs.products?.find((p) => p.slug === "jam-jar-mug")).toMatchObject({ name: "Jam jar mug", price: 1800, currency: "usd", image: 7 });
      expect(docs.posts?.find((p) => p.slug === "hello-jamstack")).toMatchObject({ date: "2026-11-20", tags: ["welcome", "jamstack"], members: false, body: expect.arrayContaining([{ type: "heading", level: 2, children: [{ type: "text", text: "Where things are" }] }]) });
      expect(docs.pages).toEqual([{ slug: "about", title: "My about page" }]);
      expect(server.seen.every((s) => s.headers.authorization === "Bearer seed-token")).toBe(true);

      const before = server.seen.length;
      const again = await seed(strapi, demo, env);
      expect(again[0]).toBe("seed: nothing to create in Strapi.");
      expect(writes(server.seen.slice(before))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("Notion: pages in the data source, Published, with the body as blocks; a Slug there is left alone", async () => {
    const rows: { properties: Record<string, unknown> }[] = [{ properties: { Slug: { rich_text: [{ plain_text: "about" }] }, Type: { select: { name: "Page" } } } }];
    const server = await fixtureServer((req) => {
      if (req.path === "/v1/data_sources/ds1/query") {
        const { filter } = JSON.parse(req.body);
        const type = filter.and[0].select.equals;
        const slugs = filter.and[1].or.map((f: { rich_text: { equals: string } }) => f.rich_text.equals);
        const results = rows.filter((r) => (r.properties.Type as { select: { name: string } }).select.name === type && slugs.includes((r.properties.Slug as { rich_text: { plain_text: string }[] }).rich_text[0]?.plain_text));
        return { json: { object: "list", results, has_more: false, next_cursor: null } };
      }
      if (req.path === "/v1/pages") {
        const page = JSON.parse(req.body);
        const slug = page.properties.Slug.rich_text[0].text.content;
        rows.push({ properties: { ...page.properties, Slug: { rich_text: [{ plain_text: slug }] } }, ...{ children: page.children, parent: page.parent } });
        return { json: { object: "page", id: `page-${slug}` } };
      }
      return { status: 404, json: { object: "error", status: 404, code: "object_not_found", message: "no" } };
    });
    try {
      const env = { NOTION_TOKEN: "secret_x", NOTION_DATA_SOURCE_ID: "ds1", NOTION_BASE_URL: server.url };
      expect(await seed(notion, demo, env)).toEqual([
        "seed: created 3 posts, 3 products in Notion.",
        "seed: products have no Image: Notion links images, so give each product an image URL in its Image property.",
        'seed: skipped page "about": an entry with that slug is there already; it is left as it is.',
      ]);
      const created = server.seen.filter((s) => s.path === "/v1/pages").map((s) => JSON.parse(s.body));
      const hello = created.find((p) => p.properties.Slug.rich_text[0].text.content === "hello-jamstack");
      expect(hello.parent).toEqual({ type: "data_source_id", data_source_id: "ds1" });
      expect(hello.properties).toMatchObject({ Name: { title: [{ text: { content: "Hello, JAMstack" } }] }, Type: { select: { name: "Post" } }, Status: { status: { name: "Published" } }, Date: { date: { start: "2026-11-20" } } });
      expect(hello.children.map((b: { type: string }) => b.type)).toEqual(["paragraph", "heading_2", "bulleted_list_item", "bulleted_list_item", "bulleted_list_item", "paragraph"]);
      const mug = created.find((p) => p.properties.Slug.rich_text[0].text.content === "jam-jar-mug");
      expect(mug.properties).toMatchObject({ Price: { number: 1800 }, Currency: { select: { name: "usd" } }, Type: { select: { name: "Product" } } });
      expect(server.seen.every((s) => s.headers.authorization === "Bearer secret_x")).toBe(true);

      const before = server.seen.length;
      expect((await seed(notion, demo, env))[0]).toBe("seed: nothing to create in Notion.");
      expect(writes(server.seen.slice(before))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
