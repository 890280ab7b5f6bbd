// `pnpm seed` into Notion: pages of the database through @notionhq/client, with the integration's
// token (it needs the "Insert content" capability for this). Notion chooses every page's id, so a
// row whose Slug is there (any Status) is left alone whoever made it. Images are not sent: the
// site reads a product's Image as a link, and a file uploaded to Notion expires within the hour.
import { Client } from "@notionhq/client";
import { PRODUCT_PROPERTIES, PROPERTIES } from "../../src/providers/notion.ts";
import type { Block, Kind, SeedItem, Span } from "./demo.ts";
import type { Origin, Target } from "./run.ts";

const TYPES: Record<Kind, string> = { post: "Post", page: "Page", product: "Product" };
const LANGUAGES: Record<string, string> = { ts: "typescript", js: "javascript", sh: "shell", bash: "bash", json: "json", md: "markdown" };

const richText = (spans: Span[]) =>
  spans.map((s) => ({
    type: "text" as const,
    text: { content: s.text, link: s.href ? { url: s.href } : null },
    annotations: { bold: s.marks.includes("strong"), italic: s.marks.includes("em"), code: s.marks.includes("code") },
  }));

/** Blocks -> Notion block objects, the page's body. */
function toNotionBlocks(blocks: Block[]) {
  return blocks.flatMap((b) => {
    if (b.type === "heading") {
      const type = `heading_${Math.min(b.level, 3)}` as "heading_1";
      return [{ type, [type]: { rich_text: richText(b.spans) } }];
    }
    if (b.type === "quote") return [{ type: "quote", quote: { rich_text: richText(b.spans) } }];
    if (b.type === "list") {
      const type = b.ordered ? "numbered_list_item" : "bulleted_list_item";
      return b.items.map((i) => ({ type, [type]: { rich_text: richText(i) } }));
    }
    if (b.type === "code") return [{ type: "code", code: { rich_text: richText([{ text: b.text, marks: [] }]), language: LANGUAGES[b.lang] ?? "plain text" } }];
    return [{ type: "paragraph", paragraph: { rich_text: richText(b.spans) } }];
  });
}

export const target: Target = {
  name: "Notion",
  where: (env) => env.NOTION_BASE_URL || "https://api.notion.com",
  required: [
    { name: "NOTION_TOKEN", where: "the internal integration's secret, from notion.so/profile/integrations (give it the Insert content capability for the seed)" },
    { name: "NOTION_DATA_SOURCE_ID", where: "the database's data source id (its ⋯ menu › Manage data sources › Copy data source ID)" },
  ],
  async open(env) {
    const client = new Client({ auth: env.NOTION_TOKEN, baseUrl: env.NOTION_BASE_URL || "https://api.notion.com" });
    const dataSource = env.NOTION_DATA_SOURCE_ID as string;
    const notes: string[] = [];
    return {
      notes,
      async existing(kind: Kind, slugs: string[]) {
        const found = new Map<string, Origin>();
        const slugFilter = { or: slugs.map((slug) => ({ property: PROPERTIES.slug, rich_text: { equals: slug } })) };
        let cursor: string | undefined;
        do {
          const res = await client.dataSources.query({ data_source_id: dataSource, filter: { and: [{ property: PROPERTIES.type, select: { equals: TYPES[kind] } }, slugFilter] } as never, start_cursor: cursor, page_size: 100 });
          for (const page of res.results as unknown as { properties: Record<string, { rich_text?: { plain_text: string }[] }> }[]) {
            found.set((page.properties[PROPERTIES.slug]?.rich_text ?? []).map((t) => t.plain_text).join(""), "present");
          }
          cursor = res.has_more ? (res.next_cursor ?? undefined) : undefined;
        } while (cursor);
        return found;
      },
      async create(item: SeedItem) {
        const text = (content: string) => ({ rich_text: [{ type: "text", text: { content } }] });
        const properties: Record<string, unknown> = {
          [PROPERTIES.title]: { title: [{ type: "text", text: { content: item.kind === "product" ? item.name : item.title } }] },
          [PROPERTIES.slug]: text(item.slug),
          [PROPERTIES.description]: text(item.description),
          [PROPERTIES.type]: { select: { name: TYPES[item.kind] } },
          [PROPERTIES.status]: { status: { name: "Published" } },
        };
        if (item.kind === "product") {
          properties[PRODUCT_PROPERTIES.price] = { number: item.price };
          properties[PRODUCT_PROPERTIES.currency] = { select: { name: item.currency } };
        } else {
          if (item.kind === "post") properties[PROPERTIES.date] = { date: { start: item.date } };
          properties[PROPERTIES.tags] = { multi_select: item.tags.map((name) => ({ name })) };
          if (item.members) properties[PROPERTIES.members] = { checkbox: true };
        }
        await client.pages.create({ parent: { type: "data_source_id", data_source_id: dataSource }, properties, children: toNotionBlocks(item.body) } as never);
        if (item.kind === "product" && item.image && !notes.length) notes.push("products have no Image: Notion links images, so give each product an image URL in its Image property.");
      },
    };
  },
};
