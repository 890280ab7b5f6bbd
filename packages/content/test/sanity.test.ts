// The Sanity provider with the real @sanity/client against a loopback server in the Query API's
// shape (GET /v<apiVersion>/data/query/<dataset>?query=…&$param=…  ->  {result}).
import { afterEach, describe, expect, it, vi } from "vitest";
import { remoteProvider } from "../src/providers/remote.ts";
import { ENTRY_QUERY, IMAGE_PARAMS, LIST_QUERY, MEMBERS_EXPOSED_QUERY, PRODUCT_QUERY, PRODUCTS_QUERY, source } from "../src/providers/sanity.ts";
import { closedPort, fixtureServer } from "./fixture-server.ts";
import { expectEveryWayOutSafe, expectUnsafe, htmlVectors, urlVectors } from "./hostile.ts";

// @repo/content's entry points read the selected provider (src/provider.ts): here, Sanity's.
vi.mock("../src/provider.ts", async () => ({ provider: (await import("../src/providers/remote.ts")).remoteProvider((await import("../src/providers/sanity.ts")).source) }));

const posts = [
  { slug: "older", title: "Older from Sanity", description: "", date: "2026-01-01", tags: [] },
  { slug: "newer", title: "Newer from Sanity", description: "d", date: "2026-02-01", tags: ["cms"] },
];
const body = [{ _type: "block", _key: "a", style: "normal", markDefs: [], children: [{ _type: "span", _key: "b", text: "Bold", marks: ["strong"] }] }];

const image = "https://cdn.sanity.io/images/abc123/production/mug-960x960.png";
const products = [
  { slug: "mug", name: "Mug", description: "A mug", price: 1800, currency: "USD", image, body },
  { slug: "bag", name: "Bag", description: null, price: 2400, currency: "eur", image: null, body: null },
];

function sanityServer(status = 200, sold: Record<string, unknown>[] = products) {
  return fixtureServer((req) => {
    if (status !== 200) return { status, json: { error: "Unauthorized", message: "Session not found", statusCode: status } };
    const query = req.query.get("query");
    if (query === PRODUCTS_QUERY) return { json: { ms: 1, query, result: sold } };
    if (query === PRODUCT_QUERY) return { json: { ms: 1, query, result: sold.find((p) => `"${p.slug}"` === req.query.get("$slug")) ?? null } };
    if (query === LIST_QUERY) return { json: { ms: 1, query, result: req.query.get("$type") === '"post"' ? posts : [] } };
    return { json: { ms: 1, query, result: req.query.get("$slug") === '"newer"' ? { ...posts[1], body } : null } };
  });
}

const configure = (url: string) => {
  vi.stubEnv("SANITY_PROJECT_ID", "abc123");
  vi.stubEnv("SANITY_DATASET", "production");
  vi.stubEnv("SANITY_API_HOST", url);
};

afterEach(() => vi.unstubAllEnvs());

describe("the Sanity provider", () => {
  it("sends GROQ for the collection's type and returns the posts newest first", async () => {
    const server = await sanityServer();
    try {
      configure(server.url);
      const list = await remoteProvider(source).listEntries("posts");
      expect(list.map((e) => e.title)).toEqual(["Newer from Sanity", "Older from Sanity"]);
      expect(list[0]).toMatchObject({ collection: "posts", slug: "newer", tags: ["cms"] });
      const [req] = server.seen;
      expect(req?.path).toBe("/v2025-02-19/data/query/production");
      expect(req?.query.get("query")).toBe(LIST_QUERY);
      expect(req?.query.get("$type")).toBe('"post"');
      expect(req?.query.get("perspective")).toBe("published");
      expect(req?.headers.authorization).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it("renders an entry's Portable Text body to HTML", async () => {
    const server = await sanityServer();
    try {
      configure(server.url);
      const entry = await remoteProvider(source).getEntry("posts", "newer");
      expect(entry?.html).toBe("<p><strong>Bold</strong></p>");
      expect(server.seen[0]?.query.get("query")).toBe(ENTRY_QUERY);
      expect(await remoteProvider(source).getEntry("posts", "missing")).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it("reads with the token when set (a private dataset), and drafts on a preview deployment only", async () => {
    const server = await sanityServer();
    try {
      configure(server.url);
      vi.stubEnv("SANITY_API_READ_TOKEN", "sk-read");
      await remoteProvider(source).listEntries("posts");
      vi.stubEnv("VERCEL_ENV", "preview");
      await remoteProvider(source).listEntries("posts");
      // Less the tokenless probe each provider makes once (sanity-members.test.ts).
      const reads = server.seen.filter((r) => r.query.get("query") !== MEMBERS_EXPOSED_QUERY);
      expect(reads.map((r) => [r.query.get("perspective"), r.headers.authorization])).toEqual([
        ["published", "Bearer sk-read"],
        ["drafts", "Bearer sk-read"],
      ]);
    } finally {
      await server.close();
    }
  });

  it("reads the product type: price and currency as stored, the image sized by Sanity's CDN, the body as HTML", async () => {
    const server = await sanityServer();
    try {
      configure(server.url);
      const p = remoteProvider(source);
      expect(await p.listProducts()).toEqual([
        { slug: "bag", name: "Bag", description: "", price: 2400, currency: "eur", image: "", html: "" },
        { slug: "mug", name: "Mug", description: "A mug", price: 1800, currency: "usd", image: `${image}${IMAGE_PARAMS}`, html: "<p><strong>Bold</strong></p>" },
      ]);
      expect(server.seen[0]?.query.get("query")).toBe(PRODUCTS_QUERY);
      expect((await p.getProduct("mug"))?.price).toBe(1800);
      expect(server.seen[1]?.query.get("$slug")).toBe('"mug"');
      expect(await p.getProduct("none")).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it("refuses a product it could not charge correctly, naming it", async () => {
    const server = await sanityServer(200, [{ slug: "mug", name: "Mug", price: 18.5, currency: "usd" }]);
    try {
      configure(server.url);
      await expect(remoteProvider(source).listProducts()).rejects.toThrow('Sanity product "mug": its price must be a whole number of cents (1800 for 18.00), not 18.5.');
    } finally {
      await server.close();
    }
  });

  it("uses the demo content without its variables, and names them", async () => {
    const p = remoteProvider(source);
    expect(p.missing()).toEqual(["SANITY_PROJECT_ID", "SANITY_DATASET"]);
    expect((await p.listEntries("posts")).map((e) => e.title)).toContain("Hello, JAMstack");
    expect((await p.listProducts()).map((e) => e.slug)).toContain("jam-jar-mug");
  });

  it("fails with one sentence naming Sanity, the URL and the status, or that it is unreachable", async () => {
    const server = await sanityServer(401);
    try {
      configure(server.url);
      await expect(remoteProvider(source).listEntries("posts")).rejects.toThrow(`Sanity at ${server.url} answered 401`);
    } finally {
      await server.close();
    }
    const port = await closedPort();
    configure(`http://127.0.0.1:${port}`);
    await expect(remoteProvider(source).listEntries("posts")).rejects.toThrow(`Sanity at http://127.0.0.1:${port} could not be reached`);
  });
});

// A hostile Portable Text body: link markDefs to every hostile URL (to-html drops what it thinks
// unsafe, and lets a protocol-relative host through), and the HTML corpus as span text.
const span = (text: string, i: number, marks: string[] = []) => ({ _type: "span", _key: `s${i}`, text, marks });
const hostileBody = [
  { _type: "block", _key: "h", style: "normal", markDefs: [], children: [span("Hostile but readable", 0)] },
  ...urlVectors.map((href, i) => ({ _type: "block", _key: `u${i}`, style: "normal", markDefs: [{ _key: `l${i}`, _type: "link", href }], children: [span("a link", i, [`l${i}`])] })),
  ...htmlVectors.map((v, i) => ({ _type: "block", _key: `v${i}`, style: "normal", markDefs: [], children: [span(v.html, i)] })),
];
const hostile = { slug: "hostile", title: "Hostile", description: "", date: "2026-03-01", tags: [], body: hostileBody };

function hostileSanityServer() {
  return fixtureServer((req) => {
    const query = req.query.get("query");
    const product = { slug: "hostile-mug", name: "Hostile mug", description: "", price: 1800, currency: "usd", image: null, body: hostileBody };
    if (query === PRODUCTS_QUERY) return { json: { ms: 1, query, result: [product] } };
    if (query === PRODUCT_QUERY) return { json: { ms: 1, query, result: req.query.get("$slug") === '"hostile-mug"' ? product : null } };
    const slug = req.query.get("$slug");
    const result = slug === '"hostile"' ? hostile : slug === '"hostile-members"' ? { ...hostile, slug: "hostile-members", members: true } : null;
    return { json: { ms: 1, query, result } };
  });
}

describe("a hostile Sanity document", () => {
  it("comes out of every entry point without anything that runs or passes for the site's own link", async () => {
    const server = await hostileSanityServer();
    try {
      configure(server.url);
      // A members-only post is read from a private dataset, with the token.
      vi.stubEnv("SANITY_API_READ_TOKEN", "sk-read");
      expectUnsafe((await remoteProvider(source).getEntry("posts", "hostile"))?.html);
      await expectEveryWayOutSafe({ entry: "hostile", members: "hostile-members", product: "hostile-mug" }, "Hostile but readable");
    } finally {
      await server.close();
    }
  });
});
