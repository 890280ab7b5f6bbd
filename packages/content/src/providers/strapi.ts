// Strapi 5 through its official client (@strapi/client, the REST content API) and blocks renderer
// (@strapi/blocks-react-renderer, rendered to static HTML by React's server renderer). The content
// types it reads (post and page) are apps/cms's; see the README's Strapi section.
import { HTTPError, strapi } from "@strapi/client";
import { BlocksRenderer, type BlocksContent } from "@strapi/blocks-react-renderer";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { membersFlag } from "../members-flag.ts";
import type { Collection, ContentProvider, EntrySummary } from "../types.ts";
import { checkedProduct, envOf, isPreviewDeploy, remoteProvider, SourceError, sortEntries, sortProducts } from "./remote.ts";

/** What a list reads of an entry (apps/cms's content types); the body comes with the entry itself. */
export const SUMMARY_FIELDS: Record<Collection, string[]> = {
  posts: ["slug", "title", "description", "date", "tags", "members", "publishedAt"],
  pages: ["slug", "title", "description", "publishedAt"],
};

interface Document {
  slug: string;
  title: string;
  description?: string | null;
  date?: string | null;
  tags?: string[] | null;
  members?: boolean | null;
  publishedAt?: string | null;
  body?: BlocksContent | null;
}

/** The product type (apps/cms/src/api/product, a stack with commerce); its image a media field. */
interface ProductDocument {
  slug?: string;
  name?: string;
  description?: string | null;
  price?: number | null;
  currency?: string | null;
  image?: { url?: string } | null;
  body?: BlocksContent | null;
}

const blocksToHtml = (content: BlocksContent) => renderToStaticMarkup(createElement(BlocksRenderer, { content }));

function connect(env: Record<string, string>): ContentProvider {
  const previewToken = envOf("STRAPI_PREVIEW_TOKEN");
  const drafts = Boolean(previewToken) && isPreviewDeploy();
  const url = (env.STRAPI_URL as string).replace(/\/+$/, "");
  const client = strapi({ baseURL: `${url}/api`, auth: drafts ? previewToken : env.STRAPI_API_TOKEN });
  const find = async (collection: Collection | "products", query: { fields?: string[]; filters?: Record<string, unknown>; populate?: string[] }) => {
    try {
      const answer = await client.collection(collection).find({
        ...query,
        // Strapi 5 answers the published version unless asked for drafts (the latest edit of each).
        status: drafts ? "draft" : "published",
        pagination: { pageSize: 100 },
      });
      return answer.data as unknown as Document[];
    } catch (error) {
      if (error instanceof HTTPError) throw new SourceError("Strapi", url, error.response.status, error.response.statusText);
      throw new SourceError("Strapi", url, "unreachable", ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message);
    }
  };
  const summary = (collection: Collection, d: Document): EntrySummary => ({
    collection,
    slug: d.slug,
    title: d.title,
    description: d.description ?? "",
    date: (d.date ?? d.publishedAt ?? "1970-01-01").slice(0, 10),
    tags: Array.isArray(d.tags) ? d.tags : [],
    ...(membersFlag(d.members, `Strapi ${collection} "${d.slug}"`) ? { members: true } : {}),
  });
  const product = ({ body, image, ...d }: ProductDocument) =>
    // Uploads on Strapi's own disk have paths (/uploads/...); a cloud upload provider's are URLs.
    checkedProduct("Strapi", { ...d, image: image?.url ? new URL(image.url, `${url}/`).href : "", html: body ? blocksToHtml(body) : "" });
  return {
    async listEntries(collection) {
      const docs = await find(collection, { fields: SUMMARY_FIELDS[collection] });
      return sortEntries(collection, docs.filter((d) => d.slug).map((d) => summary(collection, d)));
    },
    async getEntry(collection, slug) {
      const [doc] = await find(collection, { filters: { slug: { $eq: slug } } });
      if (!doc) return undefined;
      return { ...summary(collection, doc), html: doc.body ? blocksToHtml(doc.body) : "" };
    },
    async listProducts() {
      return sortProducts(((await find("products", { populate: ["image"] })) as ProductDocument[]).map(product));
    },
    async getProduct(slug) {
      const [doc] = (await find("products", { filters: { slug: { $eq: slug } }, populate: ["image"] })) as ProductDocument[];
      return doc ? product(doc) : undefined;
    },
  };
}

export const source = { name: "Strapi", required: ["STRAPI_URL", "STRAPI_API_TOKEN"], connect };

export const provider = remoteProvider(source);
