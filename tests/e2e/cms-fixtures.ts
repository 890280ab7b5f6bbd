// Each CMS as a loopback server in its API's documented shape, holding entries a test can edit,
// plus how that CMS signs its webhooks (its own helper where it has one). A generated site reaches
// the server through the SDK's base-URL option, set by an environment variable of the module.
import { signRequest } from "@contentful/node-apps-toolkit/requests";
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { createHmac } from "node:crypto";
import { fixtureServer } from "../../packages/content/test/fixture-server.ts";
import { ENTRY_QUERY, LIST_QUERY } from "../../packages/content/src/providers/sanity.ts";

export interface Row {
  collection: "posts" | "pages";
  slug: string;
  title: string;
  date: string;
  body: string;
}

export interface CmsFixture {
  name: string;
  /** What the site needs to read this server. */
  env: Record<string, string>;
  /** The variable a closed port goes in, for the "unreachable" build. */
  urlVariable: string;
  urlFor(port: number): string;
  rows: Row[];
  /** The webhook secret's variable and a value. */
  secret: [string, string];
  /** A webhook call announcing `slug` changed, signed with `secret` at `at` for `path`. */
  webhook(slug: string, opts?: { secret?: string; at?: number; path?: string }): Promise<{ headers: Record<string, string>; body: string }>;
  close(): Promise<void>;
}

const seed = (name: string): Row[] => [
  { collection: "posts", slug: "cms-first", title: `${name} first post`, date: "2026-11-01", body: `Written in ${name}.` },
  { collection: "posts", slug: "cms-second", title: `${name} second post`, date: "2026-11-02", body: `More from ${name}.` },
  { collection: "pages", slug: "about", title: `About, from ${name}`, date: "1970-01-01", body: `A page kept in ${name}.` },
];

export async function sanityFixture(): Promise<CmsFixture> {
  const rows = seed("Sanity");
  const summary = (r: Row) => ({ slug: r.slug, title: r.title, description: "", date: r.date, tags: [] });
  const block = (text: string) => [{ _type: "block", _key: "k", style: "normal", markDefs: [], children: [{ _type: "span", _key: "s", text, marks: [] }] }];
  const server = await fixtureServer((req) => {
    const collection = req.query.get("$type") === '"page"' ? "pages" : "posts";
    const query = req.query.get("query");
    const mine = rows.filter((r) => r.collection === collection);
    if (query === LIST_QUERY) return { json: { ms: 1, query, result: mine.map(summary) } };
    if (query === ENTRY_QUERY) {
      const r = mine.find((x) => `"${x.slug}"` === req.query.get("$slug"));
      return { json: { ms: 1, query, result: r ? { ...summary(r), body: block(r.body) } : null } };
    }
    return { status: 400, json: { error: "unexpected query", query } };
  });
  const secret: [string, string] = ["SANITY_REVALIDATE_SECRET", "sanity-webhook-secret-e2e"];
  return {
    name: "Sanity",
    env: { SANITY_PROJECT_ID: "e2e", SANITY_DATASET: "production", SANITY_API_HOST: server.url },
    urlVariable: "SANITY_API_HOST",
    urlFor: (port) => `http://127.0.0.1:${port}`,
    rows,
    secret,
    async webhook(slug, { secret: key = secret[1], at = Date.now() } = {}) {
      const body = JSON.stringify({ _type: "post", slug });
      return { body, headers: { "content-type": "application/json", [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, at, key) } };
    },
    close: server.close,
  };
}

export async function contentfulFixture(): Promise<CmsFixture> {
  const rows = seed("Contentful");
  const doc = (text: string) => ({ nodeType: "document", data: {}, content: [{ nodeType: "paragraph", data: {}, content: [{ nodeType: "text", value: text, marks: [], data: {} }] }] });
  const link = (linkType: string, id: string) => ({ sys: { type: "Link", linkType, id } });
  const server = await fixtureServer((req) => {
    const type = req.query.get("content_type");
    const slug = req.query.get("fields.slug");
    const items = rows
      .filter((r) => r.collection === (type === "page" ? "pages" : "posts") && (!slug || r.slug === slug))
      .map((r, i) => ({
        sys: { id: `${r.slug}-${i}`, type: "Entry", locale: "en-US", space: link("Space", "e2e"), environment: link("Environment", "master"), contentType: link("ContentType", type ?? "post") },
        metadata: { tags: [] },
        fields: { slug: r.slug, title: r.title, date: r.date, ...(slug ? { body: doc(r.body) } : {}) },
      }));
    return { json: { sys: { type: "Array" }, total: items.length, skip: 0, limit: 1000, items } };
  });
  const secret: [string, string] = ["CONTENTFUL_WEBHOOK_SECRET", "c".repeat(64)];
  return {
    name: "Contentful",
    env: { CONTENTFUL_SPACE_ID: "e2e", CONTENTFUL_ACCESS_TOKEN: "cda-e2e", CONTENTFUL_HOST: server.host },
    urlVariable: "CONTENTFUL_HOST",
    urlFor: (port) => `127.0.0.1:${port}`,
    rows,
    secret,
    async webhook(slug, { secret: key = secret[1], at = Date.now(), path = "/api/revalidate" } = {}) {
      const body = JSON.stringify({ sys: { type: "Entry", id: "1", contentType: { sys: { id: "post" } } }, fields: { slug: { "en-US": slug } } });
      const headers = { "content-type": "application/json", "x-contentful-topic": "ContentManagement.Entry.publish" };
      return { body, headers: { ...headers, ...signRequest(key, { method: "POST", path, headers, body }, at) } };
    },
    close: server.close,
  };
}

export async function notionFixture(): Promise<CmsFixture> {
  const rows = seed("Notion");
  const rt = (s: string) => [{ type: "text", text: { content: s, link: null }, annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: "default" }, plain_text: s, href: null }];
  const page = (r: Row) => ({
    object: "page",
    id: `page-${r.slug}`,
    properties: {
      Name: { type: "title", title: rt(r.title) },
      Slug: { type: "rich_text", rich_text: rt(r.slug) },
      Description: { type: "rich_text", rich_text: [] },
      Date: { type: "date", date: { start: r.date, end: null } },
      Tags: { type: "multi_select", multi_select: [] },
      Type: { type: "select", select: { name: r.collection === "posts" ? "Post" : "Page" } },
      Status: { type: "status", status: { name: "Published" } },
    },
  });
  const server = await fixtureServer((req) => {
    if (req.path === "/v1/data_sources/e2e/query") {
      const filter = JSON.stringify(JSON.parse(req.body).filter);
      const type = filter.includes('"equals":"Page"') ? "pages" : "posts";
      const slug = filter.match(/"rich_text":\{"equals":"([^"]+)"/)?.[1];
      const results = rows.filter((r) => r.collection === type && (!slug || r.slug === slug)).map(page);
      return { json: { object: "list", results, has_more: false, next_cursor: null } };
    }
    const children = req.path.match(/^\/v1\/blocks\/page-(.+)\/children$/);
    const row = children && rows.find((r) => r.slug === children[1]);
    if (row) return { json: { object: "list", results: [{ object: "block", id: `b-${row.slug}`, type: "paragraph", has_children: false, paragraph: { rich_text: rt(row.body), color: "default" } }], has_more: false, next_cursor: null } };
    return { status: 404, json: { object: "error", status: 404, code: "object_not_found", message: req.path } };
  });
  const secret: [string, string] = ["NOTION_WEBHOOK_SECRET", "secret_notion_verification_e2e"];
  return {
    name: "Notion",
    env: { NOTION_TOKEN: "secret_e2e", NOTION_DATA_SOURCE_ID: "e2e", NOTION_BASE_URL: server.url },
    urlVariable: "NOTION_BASE_URL",
    urlFor: (port) => `http://127.0.0.1:${port}`,
    rows,
    secret,
    // Notion signs no timestamp: a stale call cannot be told from a fresh one, so `at` is unused.
    async webhook(slug, { secret: key = secret[1] } = {}) {
      const body = JSON.stringify({ type: "page.properties_updated", entity: { id: `page-${slug}`, type: "page" } });
      return { body, headers: { "content-type": "application/json", "x-notion-signature": `sha256=${createHmac("sha256", key).update(body).digest("hex")}` } };
    },
    close: server.close,
  };
}
