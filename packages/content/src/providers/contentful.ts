// Contentful through its official delivery client (contentful) and rich-text renderer. The content
// model it reads (post and page) is scripts/contentful-model.ts's; see the README's Contentful section.
import { documentToHtmlString } from "@contentful/rich-text-html-renderer";
import type { Document } from "@contentful/rich-text-types";
import { createClient } from "contentful";
import { membersFlag } from "../members-flag.ts";
import type { Collection, ContentProvider, EntrySummary } from "../types.ts";
import { checkedProduct, envOf, isPreviewDeploy, remoteProvider, SourceError, sortEntries, sortProducts } from "./remote.ts";

const TYPES: Record<Collection, string> = { posts: "post", pages: "page" };
/** What a list reads of an entry; the body comes with the entry itself. contentful/model.cjs creates them. */
export const SUMMARY_FIELDS = ["slug", "title", "description", "date", "tags", "members"] as const;

interface Fields {
  slug: string;
  title: string;
  description?: string;
  date?: string;
  tags?: string[];
  members?: boolean;
  body?: Document;
}

/** The product type (contentful/model.cjs, a stack with commerce); its image is a linked asset. */
interface ProductFields {
  slug?: string;
  name?: string;
  description?: string;
  price?: number;
  currency?: string;
  image?: { fields?: { file?: { url?: string } } };
  body?: Document;
}

/** Contentful's Images API sizes the picture for the product page (and serves WebP where accepted). */
export const IMAGE_PARAMS = "?w=960&h=960&fit=fill&fm=webp";

function parseError(message: string): { status?: number; message?: string } | undefined {
  try {
    return JSON.parse(message);
  } catch {
    return undefined;
  }
}

function connect(env: Record<string, string>): ContentProvider {
  const previewToken = envOf("CONTENTFUL_PREVIEW_ACCESS_TOKEN");
  const preview = Boolean(previewToken) && isPreviewDeploy();
  // CONTENTFUL_HOST / CONTENTFUL_PREVIEW_HOST: other API hosts (the EU region's cdn.eu.contentful.com
  // and preview.eu.contentful.com, a test server).
  const host = preview ? (envOf("CONTENTFUL_PREVIEW_HOST") ?? "preview.contentful.com") : (envOf("CONTENTFUL_HOST") ?? "cdn.contentful.com");
  const insecure = host.startsWith("127.0.0.1") || host.startsWith("localhost");
  const client = createClient({
    space: env.CONTENTFUL_SPACE_ID as string,
    environment: envOf("CONTENTFUL_ENVIRONMENT") ?? "master",
    accessToken: preview ? (previewToken as string) : (env.CONTENTFUL_ACCESS_TOKEN as string),
    host,
    insecure,
    // Rate limits (429) and server errors are retried after 1.4, 2 and 2.8 s; then the build fails.
    retryLimit: 3,
  });
  const url = `${insecure ? "http" : "https"}://${host}`;
  const entries = async (query: Record<string, unknown>) => {
    try {
      return (await client.withoutUnresolvableLinks.getEntries<{ contentTypeId: string; fields: Record<string, never> }>(query)).items as unknown as { fields: Fields & ProductFields }[];
    } catch (error) {
      // The client's HTTP errors carry the response as JSON in their message; network errors do not.
      const answer = parseError((error as Error).message);
      throw new SourceError("Contentful", url, answer?.status ?? "unreachable", answer?.message ?? (error as Error).message);
    }
  };
  const summary = (collection: Collection, f: Fields): EntrySummary => ({
    collection,
    slug: f.slug,
    title: f.title,
    description: f.description ?? "",
    date: (f.date ?? "1970-01-01").slice(0, 10),
    tags: f.tags ?? [],
    ...(membersFlag(f.members, `Contentful ${collection} "${f.slug}"`) ? { members: true } : {}),
  });
  const product = ({ body, image, ...f }: ProductFields) => {
    // Asset URLs are protocol-relative (//images.ctfassets.net/...).
    const url = image?.fields?.file?.url;
    return checkedProduct("Contentful", { ...f, image: url ? `${url.startsWith("//") ? "https:" : ""}${url}${IMAGE_PARAMS}` : "", html: body ? documentToHtmlString(body) : "" });
  };
  return {
    async listEntries(collection) {
      const items = await entries({ content_type: TYPES[collection], select: SUMMARY_FIELDS.map((f) => `fields.${f}`), limit: 1000 });
      return sortEntries(collection, items.map((i) => summary(collection, i.fields)));
    },
    async getEntry(collection, slug) {
      const [item] = await entries({ content_type: TYPES[collection], "fields.slug": slug, limit: 1 });
      if (!item) return undefined;
      return { ...summary(collection, item.fields), html: item.fields.body ? documentToHtmlString(item.fields.body) : "" };
    },
    async listProducts() {
      return sortProducts((await entries({ content_type: "product", include: 1, limit: 1000 })).map((i) => product(i.fields)));
    },
    async getProduct(slug) {
      const [item] = await entries({ content_type: "product", "fields.slug": slug, include: 1, limit: 1 });
      return item ? product(item.fields) : undefined;
    },
  };
}

export const source = { name: "Contentful", required: ["CONTENTFUL_SPACE_ID", "CONTENTFUL_ACCESS_TOKEN"], connect };

export const provider = remoteProvider(source);
