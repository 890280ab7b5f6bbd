// Notion through its official client (@notionhq/client): one data source (a database) holds posts
// and pages, told apart by a Type property. Notion has no HTML renderer of its own; notion-to-md
// turns a page's blocks into Markdown and marked renders it, as for Markdown files. Notion has no
// drafts either: a Status property says what is published, and preview deployments show every status.
import { Client } from "@notionhq/client";
import { marked } from "marked";
import { NotionToMarkdown } from "notion-to-md";
import type { Collection, ContentProvider, EntrySummary } from "../types.ts";
import { checkedProduct, envOf, isPreviewDeploy, remoteProvider, SourceError, sortEntries, sortProducts } from "./remote.ts";

/** The database's properties, by name and type (README's Notion section). */
export const PROPERTIES = { title: "Name", slug: "Slug", description: "Description", date: "Date", tags: "Tags", type: "Type", status: "Status", members: "Members" } as const;
/** A product's properties besides Name, Slug and Description (a stack with commerce). */
export const PRODUCT_PROPERTIES = { price: "Price", currency: "Currency", image: "Image" } as const;
const TYPES: Record<Collection | "products", string> = { posts: "Post", pages: "Page", products: "Product" };

type Prop = {
  title?: { plain_text: string }[];
  rich_text?: { plain_text: string }[];
  date?: { start: string } | null;
  multi_select?: { name: string }[];
  checkbox?: boolean;
  number?: number | null;
  select?: { name: string } | null;
  url?: string | null;
  // A file uploaded to Notion has a URL that expires within the hour: link an external image.
  files?: { external?: { url: string }; file?: { url: string } }[];
};
type Page = { id: string; properties: Record<string, Prop> };

const text = (p?: Prop) => (p?.title ?? p?.rich_text ?? []).map((t) => t.plain_text).join("");

function connect(env: Record<string, string>): ContentProvider {
  // NOTION_BASE_URL: another API host (a test server); Notion's own by default.
  const baseUrl = envOf("NOTION_BASE_URL") ?? "https://api.notion.com";
  const client = new Client({ auth: env.NOTION_TOKEN, baseUrl });
  const toMarkdown = new NotionToMarkdown({ notionClient: client });
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      const status = (error as { status?: number }).status;
      throw new SourceError("Notion", baseUrl, status ?? "unreachable", (error as Error).message);
    }
  };
  const query = async (collection: Collection | "products", slug?: string): Promise<Page[]> => {
    const filters: object[] = [{ property: PROPERTIES.type, select: { equals: TYPES[collection] } }];
    if (!isPreviewDeploy()) filters.push({ property: PROPERTIES.status, status: { equals: "Published" } });
    if (slug) filters.push({ property: PROPERTIES.slug, rich_text: { equals: slug } });
    const pages: Page[] = [];
    let cursor: string | undefined;
    do {
      const res = await call(() =>
        client.dataSources.query({ data_source_id: env.NOTION_DATA_SOURCE_ID as string, filter: { and: filters } as never, start_cursor: cursor, page_size: 100 }),
      );
      pages.push(...(res.results as unknown as Page[]));
      cursor = res.has_more ? (res.next_cursor ?? undefined) : undefined;
    } while (cursor);
    return pages;
  };
  const summary = (collection: Collection, page: Page): EntrySummary => {
    const p = page.properties;
    return {
      collection,
      slug: text(p[PROPERTIES.slug]),
      title: text(p[PROPERTIES.title]),
      description: text(p[PROPERTIES.description]),
      date: (p[PROPERTIES.date]?.date?.start ?? "1970-01-01").slice(0, 10),
      tags: (p[PROPERTIES.tags]?.multi_select ?? []).map((t) => t.name),
      ...(p[PROPERTIES.members]?.checkbox === true ? { members: true } : {}),
    };
  };
  const html = async (page: Page) => {
    const blocks = await call(() => toMarkdown.pageToMarkdown(page.id));
    return marked.parse(toMarkdown.toMarkdownString(blocks).parent ?? "", { async: false });
  };
  const product = async (page: Page) => {
    const p = page.properties;
    const image = p[PRODUCT_PROPERTIES.image];
    return checkedProduct("Notion", {
      slug: text(p[PROPERTIES.slug]),
      name: text(p[PROPERTIES.title]),
      description: text(p[PROPERTIES.description]),
      price: p[PRODUCT_PROPERTIES.price]?.number,
      currency: p[PRODUCT_PROPERTIES.currency]?.select?.name ?? text(p[PRODUCT_PROPERTIES.currency]),
      image: image?.url ?? image?.files?.[0]?.external?.url ?? image?.files?.[0]?.file?.url ?? "",
      html: await html(page),
    });
  };
  return {
    async listEntries(collection) {
      return sortEntries(collection, (await query(collection)).map((page) => summary(collection, page)).filter((e) => e.slug));
    },
    async getEntry(collection, slug) {
      const [page] = await query(collection, slug);
      if (!page) return undefined;
      return { ...summary(collection, page), html: await html(page) };
    },
    async listProducts() {
      return sortProducts(await Promise.all((await query("products")).map(product)));
    },
    async getProduct(slug) {
      const [page] = await query("products", slug);
      return page ? product(page) : undefined;
    },
  };
}

export const source = { name: "Notion", required: ["NOTION_TOKEN", "NOTION_DATA_SOURCE_ID"], connect };

export const provider = remoteProvider(source);
