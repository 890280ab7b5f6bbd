// `pnpm seed` into Contentful: the Content Management API through contentful-management, with a
// personal access token. The content model first (contentful/model.cjs, the same file
// `contentful:model` runs: only the types the space lacks are created), then each image as an
// uploaded, processed and published asset, then each entry, published. Entries and assets get ids
// of their own (jam-seed-<type>-<slug>): an entry with the slug and another id is the user's.
import { createClient } from "contentful-management";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Block, Kind, SeedItem, Span } from "./demo.ts";
import type { Origin, Target } from "./run.ts";

const idOf = (kind: Kind, slug: string) => `jam-seed-${kind}-${slug}`;

interface FieldDef {
  id: string;
  name: string;
  type: string;
  required?: boolean;
  validations?: unknown[];
  items?: unknown;
  linkType?: string;
}
interface TypeDef {
  id: string;
  name: string;
  description: string;
  displayField?: string;
  fields: FieldDef[];
}

/**
 * The content types model.cjs declares, read by running it against a recorder of the calls it makes
 * (createContentType(id).name(...), createField(id).type(...)...): one model for both commands.
 */
function readModel(file: string): TypeDef[] {
  const types: TypeDef[] = [];
  const migration = {
    createContentType(id: string) {
      const type: TypeDef = { id, name: id, description: "", fields: [] };
      types.push(type);
      const api = {
        name(v: string) {
          type.name = v;
          return api;
        },
        description(v: string) {
          type.description = v;
          return api;
        },
        displayField(v: string) {
          type.displayField = v;
          return api;
        },
        createField(fieldId: string) {
          const field: Record<string, unknown> = { id: fieldId, name: fieldId, type: "Symbol" };
          type.fields.push(field as unknown as FieldDef);
          // Every setter (name, type, required, validations, items, linkType) records its value.
          const chain: object = new Proxy(
            {},
            {
              get: (_, prop: string) => (v: unknown) => {
                field[prop] = v;
                return chain;
              },
            },
          );
          return chain;
        },
      };
      return api;
    },
  };
  createRequire(import.meta.url)(file)(migration);
  return types;
}

/** Blocks -> a rich-text document, as @contentful/rich-text-html-renderer reads it. */
function toRichText(blocks: Block[]) {
  const MARK = { strong: "bold", em: "italic", code: "code" } as const;
  const text = (s: Span) => ({ nodeType: "text", value: s.text, marks: s.marks.map((m) => ({ type: MARK[m] })), data: {} });
  const inline = (spans: Span[]) => spans.map((s) => (s.href ? { nodeType: "hyperlink", data: { uri: s.href }, content: [text(s)] } : text(s)));
  const paragraph = (spans: Span[]) => ({ nodeType: "paragraph", data: {}, content: inline(spans) });
  const content = blocks.map((b) => {
    if (b.type === "heading") return { nodeType: `heading-${b.level}`, data: {}, content: inline(b.spans) };
    if (b.type === "quote") return { nodeType: "blockquote", data: {}, content: [paragraph(b.spans)] };
    if (b.type === "list") return { nodeType: b.ordered ? "ordered-list" : "unordered-list", data: {}, content: b.items.map((i) => ({ nodeType: "list-item", data: {}, content: [paragraph(i)] })) };
    if (b.type === "code") return paragraph([{ text: b.text, marks: ["code"] }]);
    return paragraph(b.spans);
  });
  return { nodeType: "document", data: {}, content };
}

function hostOf(env: Record<string, string>) {
  const host = env.CONTENTFUL_MANAGEMENT_HOST || "api.contentful.com";
  const insecure = /^(127\.0\.0\.1|localhost)(:|$)/.test(host);
  return { host, insecure, url: `${insecure ? "http" : "https"}://${host}` };
}

export const target: Target = {
  name: "Contentful",
  where: (env) => hostOf(env).url,
  required: [
    { name: "CONTENTFUL_SPACE_ID", where: "the space's id, in Contentful's Settings › General" },
    { name: "CONTENTFUL_MANAGEMENT_TOKEN", where: "a personal access token from Contentful's Settings › CMA tokens (only the seed and contentful:model use it)" },
  ],
  async open(env) {
    // CONTENTFUL_MANAGEMENT_HOST: api.eu.contentful.com for the EU region (uploads then go to
    // upload.eu.contentful.com), or a test server, which takes the uploads too.
    const { host, insecure } = hostOf(env);
    const client = createClient(
      // Two retries of a failed call (the SDK's own backoff), not five: a person is waiting.
      { accessToken: env.CONTENTFUL_MANAGEMENT_TOKEN as string, host, hostUpload: host.startsWith("api.") ? host.replace(/^api\./, "upload.") : host, insecure, retryLimit: 2 },
      { type: "plain", defaults: { spaceId: env.CONTENTFUL_SPACE_ID, environmentId: env.CONTENTFUL_ENVIRONMENT || "master" } },
    );
    const notes: string[] = [];
    const locales = await client.locale.getMany({});
    const locale = (locales.items.find((l) => l.default) ?? locales.items[0])?.code ?? "en-US";
    const there = new Set((await client.contentType.getMany({ query: { limit: 1000 } })).items.map((t) => t.sys.id));
    const lacking = readModel(join(import.meta.dirname, "../../contentful/model.cjs")).filter((t) => !there.has(t.id));
    for (const { id, ...type } of lacking) {
      const created = await client.contentType.createWithId({ contentTypeId: id }, type as never);
      await client.contentType.publish({ contentTypeId: id }, created);
    }
    if (lacking.length) notes.push(`created the content model's types ${lacking.map((t) => t.id).join(", ")}.`);
    let images = 0;
    const localised = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { [locale]: v }]));
    return {
      notes,
      async existing(kind: Kind, slugs: string[]) {
        // The management API lists drafts too: a slug the user has only drafted is theirs as well.
        const { items } = await client.entry.getMany({ query: { content_type: kind, "fields.slug[in]": slugs.join(","), limit: 1000 } });
        const found = new Map<string, Origin>();
        for (const e of items) {
          const slug = (e.fields.slug as Record<string, string> | undefined)?.[locale];
          if (slug) found.set(slug, e.sys.id === idOf(kind, slug) && found.get(slug) !== "user" ? "seed" : "user");
        }
        return found;
      },
      async create(item: SeedItem) {
        const entryId = idOf(item.kind, item.slug);
        let fields: Record<string, unknown>;
        if (item.kind === "product") {
          let image: object | undefined;
          if (item.image) {
            const upload = await client.upload.create({}, { file: new Uint8Array(item.image.bytes).buffer });
            const assetId = `${entryId}-image`;
            const file = { contentType: item.image.contentType, fileName: item.image.filename, uploadFrom: { sys: { type: "Link", linkType: "Upload", id: upload.sys.id } } };
            const asset = await client.asset.createWithId({ assetId }, { fields: { title: { [locale]: item.name }, file: { [locale]: file } } } as never);
            const processed = await client.asset.processForLocale({}, asset, locale, { processingCheckWait: 500 });
            await client.asset.publish({ assetId }, processed);
            image = { sys: { type: "Link", linkType: "Asset", id: assetId } };
            notes.splice(lacking.length ? 1 : 0, images ? 1 : 0, `uploaded and published ${++images} image${images === 1 ? "" : "s"}.`);
          }
          fields = { slug: item.slug, name: item.name, description: item.description, price: item.price, currency: item.currency, ...(image ? { image } : {}), body: toRichText(item.body) };
        } else {
          fields = { slug: item.slug, title: item.title, description: item.description, ...(item.kind === "post" ? { date: item.date } : {}), tags: item.tags, members: item.members, body: toRichText(item.body) };
        }
        const entry = await client.entry.createWithId({ contentTypeId: item.kind, entryId }, { fields: localised(fields) } as never);
        await client.entry.publish({ entryId }, entry);
      },
    };
  },
};
