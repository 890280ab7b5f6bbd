// `pnpm seed` into Strapi: its REST API through @strapi/client, with an API token that may create
// (STRAPI_SEED_TOKEN). Strapi chooses every document's id, so an entry whose slug is there, drafts
// included, is left alone whoever made it. A POST without `status` creates the entry published;
// each product's image goes to the upload plugin first and the product links its id.
import { strapi } from "@strapi/client";
import type { Block, Kind, SeedItem, Span } from "./demo.ts";
import type { Origin, Target } from "./run.ts";

/** Blocks -> Strapi's blocks, as apps/cms's `body` fields hold them. */
function toStrapiBlocks(blocks: Block[]) {
  const inline = (spans: Span[]) => {
    const children = spans.map((s) => {
      const text = { type: "text", text: s.text, ...Object.fromEntries(s.marks.map((m) => [{ strong: "bold", em: "italic", code: "code" }[m], true])) };
      return s.href ? { type: "link", url: s.href, children: [text] } : text;
    });
    return children.length ? children : [{ type: "text", text: "" }];
  };
  return blocks.map((b) => {
    if (b.type === "heading") return { type: "heading", level: b.level, children: inline(b.spans) };
    if (b.type === "quote") return { type: "quote", children: inline(b.spans) };
    if (b.type === "list") return { type: "list", format: b.ordered ? "ordered" : "unordered", children: b.items.map((i) => ({ type: "list-item", children: inline(i) })) };
    if (b.type === "code") return { type: "code", children: [{ type: "text", text: b.text }] };
    return { type: "paragraph", children: inline(b.spans) };
  });
}

export const target: Target = {
  name: "Strapi",
  where: (env) => env.STRAPI_URL as string,
  required: [
    { name: "STRAPI_URL", where: "the Strapi server's URL, such as http://localhost:1337" },
    { name: "STRAPI_SEED_TOKEN", where: "a Full access API token from Strapi admin › Settings › API Tokens (only the seed uses it; delete it afterwards)" },
  ],
  async open(env) {
    const client = strapi({ baseURL: `${(env.STRAPI_URL as string).replace(/\/+$/, "")}/api`, auth: env.STRAPI_SEED_TOKEN as string });
    let images = 0;
    const notes: string[] = [];
    return {
      notes,
      async existing(kind: Kind, slugs: string[]) {
        const answer = await client.collection(`${kind}s`).find({ filters: { slug: { $in: slugs } }, fields: ["slug"], status: "draft", pagination: { pageSize: 100 } });
        return new Map((answer.data as unknown as { slug: string }[]).map((d) => [d.slug, "present" as Origin]));
      },
      async create(item: SeedItem) {
        const body = toStrapiBlocks(item.body);
        if (item.kind === "product") {
          let image: number | undefined;
          if (item.image) {
            const [file] = await client.files.upload(item.image.bytes, { filename: item.image.filename, mimetype: item.image.contentType, fileInfo: { alternativeText: item.name } });
            image = file?.id;
            notes.splice(0, 1, `uploaded ${++images} image${images === 1 ? "" : "s"}.`);
          }
          await client.collection("products").create({ slug: item.slug, name: item.name, description: item.description, price: item.price, currency: item.currency, ...(image ? { image } : {}), body });
        } else {
          const post = item.kind === "post" ? { date: item.date, tags: item.tags, members: item.members } : {};
          await client.collection(`${item.kind}s`).create({ slug: item.slug, title: item.title, description: item.description, ...post, body });
        }
      },
    };
  },
};
