// `pnpm seed` into Sanity: the mutations API through @sanity/client, with a write token. Documents
// get ids of their own (jam-seed-<type>-<slug>): one with that id is the seed's, one with another id
// and the same slug is the user's. createIfNotExists never replaces a document.
import { createClient } from "@sanity/client";
import type { Block, Kind, SeedItem, Span } from "./demo.ts";
import type { Origin, Target } from "./run.ts";

const idOf = (kind: Kind, slug: string) => `jam-seed-${kind}-${slug}`;

/** Blocks -> Portable Text, as apps/studio's `body` field (an array of blocks) holds it. */
function toPortableText(blocks: Block[]) {
  let key = 0;
  const k = () => `k${(key++).toString(36)}`;
  const block = (spans: Span[], extra: Record<string, unknown>) => {
    const markDefs: { _key: string; _type: "link"; href: string }[] = [];
    const children = spans.map((s) => {
      const marks: string[] = [...s.marks];
      if (s.href) {
        const def = markDefs.find((d) => d.href === s.href) ?? { _key: k(), _type: "link" as const, href: s.href };
        if (!markDefs.includes(def)) markDefs.push(def);
        marks.push(def._key);
      }
      return { _type: "span", _key: k(), text: s.text, marks };
    });
    return { _type: "block", _key: k(), style: "normal", markDefs, children, ...extra };
  };
  return blocks.flatMap((b) => {
    if (b.type === "heading") return [block(b.spans, { style: `h${b.level}` })];
    if (b.type === "quote") return [block(b.spans, { style: "blockquote" })];
    if (b.type === "list") return b.items.map((spans) => block(spans, { listItem: b.ordered ? "number" : "bullet", level: 1 }));
    if (b.type === "code") return [block([{ text: b.text, marks: ["code"] }], {})];
    return [block(b.spans, {})];
  });
}

export const target: Target = {
  name: "Sanity",
  where: (env) => env.SANITY_API_HOST || `https://${env.SANITY_PROJECT_ID}.api.sanity.io`,
  required: [
    { name: "SANITY_PROJECT_ID", where: "the project's id, at sanity.io/manage" },
    { name: "SANITY_DATASET", where: "the dataset to fill, such as production" },
    { name: "SANITY_API_WRITE_TOKEN", where: "an Editor token from sanity.io/manage › your project › API › Tokens (only the seed uses it)" },
  ],
  async open(env) {
    const apiHost = env.SANITY_API_HOST;
    const client = createClient({
      projectId: env.SANITY_PROJECT_ID,
      dataset: env.SANITY_DATASET,
      apiVersion: "2025-02-19",
      token: env.SANITY_API_WRITE_TOKEN,
      useCdn: false,
      // Two retries of a failed call, not five: a person is waiting.
      maxRetries: 2,
      ...(apiHost ? { apiHost, useProjectHostname: false } : {}),
    });
    let images = 0;
    const session = {
      notes: [] as string[],
      async existing(kind: Kind, slugs: string[]) {
        // raw: drafts too, so a slug the user has only drafted is theirs as well.
        const rows = await client.fetch<{ _id: string; slug: string }[]>(`*[_type == $type && slug.current in $slugs]{_id, "slug": slug.current}`, { type: kind, slugs }, { perspective: "raw" });
        const there = new Map<string, Origin>();
        for (const r of rows) {
          const mine = r._id.replace(/^drafts\./, "") === idOf(kind, r.slug);
          if (there.get(r.slug) !== "user") there.set(r.slug, mine ? "seed" : "user");
        }
        return there;
      },
      async create(item: SeedItem) {
        const common = { _id: idOf(item.kind, item.slug), _type: item.kind, slug: { _type: "slug", current: item.slug }, description: item.description, body: toPortableText(item.body) };
        if (item.kind === "product") {
          let image: object | undefined;
          if (item.image) {
            const asset = await client.assets.upload("image", item.image.bytes, { filename: item.image.filename, contentType: item.image.contentType });
            image = { _type: "image", asset: { _type: "reference", _ref: asset._id } };
            images++;
            session.notes.splice(0, 1, `uploaded ${images} image${images === 1 ? "" : "s"}.`);
          }
          await client.createIfNotExists({ ...common, name: item.name, price: item.price, currency: item.currency, ...(image ? { image } : {}) });
        } else {
          // Only posts have date, tags and the members flag (apps/studio/schemas/post.ts).
          await client.createIfNotExists({ ...common, title: item.title, ...(item.kind === "post" ? { date: item.date, tags: item.tags, members: item.members } : {}) });
        }
      },
    };
    return session;
  },
};
