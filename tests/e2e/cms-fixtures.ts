// Each CMS as a loopback server in its API's documented shape, holding entries a test can edit,
// plus how that CMS signs its webhooks (its own helper where it has one). A generated site reaches
// the server through the SDK's base-URL option, set by an environment variable of the module.
import { signRequest } from "@contentful/node-apps-toolkit/requests";
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { createHmac, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fixtureServer } from "../../packages/content/test/fixture-server.ts";
import { source as contentful } from "../../packages/content/src/providers/contentful.ts";
import { source as notion } from "../../packages/content/src/providers/notion.ts";
import { ENTRY_QUERY, LIST_QUERY, MEMBERS_EXPOSED_QUERY, PRODUCT_QUERY, PRODUCTS_QUERY, source as sanity } from "../../packages/content/src/providers/sanity.ts";
import { source as strapi } from "../../packages/content/src/providers/strapi.ts";
import { startServer } from "./serve.ts";

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
  /** The variables without which the site builds the demo content (the provider's own list). */
  required: string[];
  /** Whether a webhook's signature covers its body and its time (Strapi's secret header does neither). */
  signs: { body: boolean; time: boolean };
  /** The variable a closed port goes in, for the "unreachable" build. */
  urlVariable: string;
  urlFor(port: number): string;
  /** Changes an entry's title in the CMS (Strapi's own webhooks then fire). */
  edit(slug: string, title: string): Promise<void>;
  /** The webhook secret's variable and a value. */
  secret: [string, string];
  /** A webhook call announcing `slug` changed, signed with `secret` at `at` for `path`. */
  webhook(slug: string, opts?: { secret?: string; at?: number; path?: string }): Promise<{ headers: Record<string, string>; body: string }>;
  close(): Promise<void>;
  /** A draft entry the CMS holds (not published), and what a preview build needs to read drafts. */
  draft?: { title: string; env: Record<string, string> };
  /** What `pnpm seed` needs to write to this CMS (a real Strapi's full-access token). */
  seedEnv?: Record<string, string>;
  /** GET on the CMS's read API with the site's token (a real Strapi's REST API). */
  read?: (path: string) => Promise<unknown>;
  /** A CMS that sends webhooks itself (Strapi): where they go, and how the site answered them. */
  relay?: Relay;
}

/** The product every CMS holds (read by a stack with commerce): its price is the CMS's, not the demo's. */
export const product = (name: string) => ({ slug: "cms-mug", name: `${name} mug`, description: `A mug sold from ${name}.`, price: 2100, currency: "usd", body: `Kept in ${name}.` });

/** A loopback fixture's entries are an array: an edit changes what the next request gets. */
const editRow = (rows: Row[]) => async (slug: string, title: string) => {
  const row = rows.find((r) => r.slug === slug);
  if (!row) throw new Error(`no entry ${slug}`);
  row.title = title;
};

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
    const { body, ...sold } = product("Sanity");
    const withBody = { ...sold, image: null, body: block(body) };
    if (query === PRODUCTS_QUERY) return { json: { ms: 1, query, result: [withBody] } };
    if (query === PRODUCT_QUERY) return { json: { ms: 1, query, result: req.query.get("$slug") === `"${sold.slug}"` ? withBody : null } };
    if (query === LIST_QUERY) return { json: { ms: 1, query, result: mine.map(summary) } };
    // A public dataset without members-only posts: the site asks this once when it reads with a token.
    if (query === MEMBERS_EXPOSED_QUERY) return { json: { ms: 1, query, result: 0 } };
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
    required: sanity.required,
    signs: { body: true, time: true },
    urlVariable: "SANITY_API_HOST",
    urlFor: (port) => `http://127.0.0.1:${port}`,
    edit: editRow(rows),
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
    const entry = (id: string, fields: object) => ({
      sys: { id, type: "Entry", locale: "en-US", space: link("Space", "e2e"), environment: link("Environment", "master"), contentType: link("ContentType", type ?? "post") },
      metadata: { tags: [] },
      fields,
    });
    if (type === "product") {
      const { body, ...sold } = product("Contentful");
      const items = !slug || slug === sold.slug ? [entry("mug", { ...sold, body: doc(body) })] : [];
      return { json: { sys: { type: "Array" }, total: items.length, skip: 0, limit: 1000, items } };
    }
    const items = rows
      .filter((r) => r.collection === (type === "page" ? "pages" : "posts") && (!slug || r.slug === slug))
      .map((r, i) => entry(`${r.slug}-${i}`, { slug: r.slug, title: r.title, date: r.date, ...(slug ? { body: doc(r.body) } : {}) }));
    return { json: { sys: { type: "Array" }, total: items.length, skip: 0, limit: 1000, items } };
  });
  const secret: [string, string] = ["CONTENTFUL_WEBHOOK_SECRET", "c".repeat(64)];
  return {
    name: "Contentful",
    env: { CONTENTFUL_SPACE_ID: "e2e", CONTENTFUL_ACCESS_TOKEN: "cda-e2e", CONTENTFUL_HOST: server.host },
    required: contentful.required,
    signs: { body: true, time: true },
    urlVariable: "CONTENTFUL_HOST",
    urlFor: (port) => `127.0.0.1:${port}`,
    edit: editRow(rows),
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
  const sold = product("Notion");
  const productPage = {
    object: "page",
    id: `page-${sold.slug}`,
    properties: {
      Name: { type: "title", title: rt(sold.name) },
      Slug: { type: "rich_text", rich_text: rt(sold.slug) },
      Description: { type: "rich_text", rich_text: rt(sold.description) },
      Type: { type: "select", select: { name: "Product" } },
      Status: { type: "status", status: { name: "Published" } },
      Price: { type: "number", number: sold.price },
      Currency: { type: "select", select: { name: sold.currency } },
      Image: { type: "files", files: [] },
    },
  };
  const server = await fixtureServer((req) => {
    if (req.path === "/v1/data_sources/e2e/query" && req.body.includes('"equals":"Product"')) {
      return { json: { object: "list", results: [productPage], has_more: false, next_cursor: null } };
    }
    if (req.path === `/v1/blocks/page-${sold.slug}/children`) {
      return { json: { object: "list", results: [{ object: "block", id: "b-mug", type: "paragraph", has_children: false, paragraph: { rich_text: rt(sold.body), color: "default" } }], has_more: false, next_cursor: null } };
    }
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
    required: notion.required,
    // Notion signs no timestamp: a stale call cannot be told from a fresh one.
    signs: { body: true, time: false },
    urlVariable: "NOTION_BASE_URL",
    urlFor: (port) => `http://127.0.0.1:${port}`,
    edit: editRow(rows),
    secret,
    async webhook(slug, { secret: key = secret[1] } = {}) {
      const body = JSON.stringify({ type: "page.properties_updated", entity: { id: `page-${slug}`, type: "page" } });
      return { body, headers: { "content-type": "application/json", "x-notion-signature": `sha256=${createHmac("sha256", key).update(body).digest("hex")}` } };
    },
    close: server.close,
  };
}

/**
 * Where a CMS's own webhooks go: a loopback server that passes each one to the site (`to`) twice,
 * as sent and without its Authorization header, and records how the site answered both.
 */
export interface Relay {
  url: string;
  to(target: string): void;
  deliveries: { event: string; status: number; withoutSecret: number }[];
}

async function startRelay(): Promise<Relay & { close(): Promise<void> }> {
  let target = "";
  const deliveries: Relay["deliveries"] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !["host", "content-length", "connection"].includes(k))) as Record<string, string>;
      const send = (h: Record<string, string>) => fetch(target, { method: "POST", headers: h, body }).then((r) => r.status);
      if (target) {
        const { authorization: _, ...unsigned } = headers;
        deliveries.push({ event: headers["x-strapi-event"] ?? "", status: await send(headers), withoutSecret: await send(unsigned) });
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, deliveries, to: (t) => void (target = t), close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/**
 * The generated apps/cms itself: a real Strapi 5 on SQLite (`strapi start`, the admin panel not
 * built), seeded through its HTTP API: the first admin, API tokens, then the entries. Its webhook to
 * the relay is registered by apps/cms's own bootstrap (STRAPI_WEBHOOK_URL) and signed by its own
 * config (STRAPI_WEBHOOK_SECRET).
 */
export async function strapiFixture(site: string, sells = false): Promise<CmsFixture> {
  const webhookSecret = "strapi-webhook-secret-e2e";
  const relay = await startRelay();
  const key = () => randomBytes(16).toString("base64");
  const server = await startServer("node_modules/.bin/strapi", ["start"], {
    cwd: join(site, "apps/cms"),
    timeout: 180_000,
    env: {
      APP_KEYS: [key(), key()].join(","),
      API_TOKEN_SALT: key(),
      ADMIN_JWT_SECRET: key(),
      TRANSFER_TOKEN_SALT: key(),
      JWT_SECRET: key(),
      ENCRYPTION_KEY: key(),
      DATABASE_FILENAME: `.tmp/e2e-${Date.now()}.db`,
      STRAPI_SERVE_ADMIN: "false",
      STRAPI_WEBHOOK_URL: relay.url,
      STRAPI_WEBHOOK_SECRET: webhookSecret,
    },
  });
  const call = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const r = await fetch(`${server.url}${path}`, {
      method: init.method ?? "POST",
      headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const json = (await r.json()) as { data: Record<string, string> };
    if (!r.ok) throw new Error(`Strapi ${init.method ?? "POST"} ${path} answered ${r.status}: ${JSON.stringify(json)}`);
    return json.data;
  };
  try {
    const admin = await call("/admin/register-admin", { body: { firstname: "E2E", lastname: "Admin", email: "e2e@example.com", password: "E2e-password-1" } });
    const token = async (type: string) => (await call("/admin/api-tokens", { token: admin.token, body: { name: `e2e-${type}`, description: "e2e", type, lifespan: null } })).accessKey as string;
    const [writer, reader] = [await token("full-access"), await token("read-only")];
    const documents = new Map<string, string>();
    const blocks = (text: string) => [{ type: "paragraph", children: [{ type: "text", text }] }];
    for (const r of seed("Strapi")) {
      const data = { title: r.title, slug: r.slug, body: blocks(r.body), ...(r.collection === "posts" ? { date: r.date } : {}) };
      documents.set(r.slug, (await call(`/api/${r.collection}`, { token: writer, body: { data } })).documentId as string);
    }
    // Strapi refuses a document its content type does not define: without commerce, no product type.
    if (sells) {
      const { body, ...sold } = product("Strapi");
      await call("/api/products", { token: writer, body: { data: { ...sold, body: blocks(body) } } });
    }
    const draft = { title: "Strapi draft post", slug: "cms-draft", date: "2026-11-03", body: blocks("Not published yet.") };
    await call("/api/posts?status=draft", { token: writer, body: { data: draft } });
    return {
      name: "Strapi",
      env: { STRAPI_URL: server.url, STRAPI_API_TOKEN: reader },
      required: strapi.required,
      signs: { body: false, time: false },
      urlVariable: "STRAPI_URL",
      urlFor: (port) => `http://127.0.0.1:${port}`,
      async edit(slug, title) {
        await call(`/api/posts/${documents.get(slug)}?status=published`, { method: "PUT", token: writer, body: { data: { title } } });
      },
      secret: ["STRAPI_WEBHOOK_SECRET", webhookSecret],
      // What Strapi sends: the configured header, and the event with the entry as saved.
      async webhook(slug, { secret: given = webhookSecret } = {}) {
        const body = JSON.stringify({ event: "entry.publish", createdAt: new Date().toISOString(), model: "post", uid: "api::post.post", entry: { slug } });
        return { body, headers: { "content-type": "application/json", "x-strapi-event": "entry.publish", authorization: `Bearer ${given}` } };
      },
      // A read-only API token may read drafts too; the preview build is told apart by VERCEL_ENV.
      draft: { title: draft.title, env: { STRAPI_PREVIEW_TOKEN: reader, VERCEL_ENV: "preview" } },
      seedEnv: { STRAPI_URL: server.url, STRAPI_SEED_TOKEN: writer },
      read: async (path) => (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${reader}` } })).json(),
      relay,
      async close() {
        await server.close();
        await relay.close();
      },
    };
  } catch (error) {
    await server.close();
    await relay.close();
    throw error;
  }
}
