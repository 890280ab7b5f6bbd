// Sanity through its official client (@sanity/client, GROQ) and Portable Text renderer. The schema
// it reads (post and page documents) is apps/studio's; see the README's Sanity section.
import { createClient, type SanityClient } from "@sanity/client";
import { toHTML } from "@portabletext/to-html";
import type { Collection, ContentProvider, Entry, EntrySummary } from "../types.ts";
import { checkedProduct, envOf, isPreviewDeploy, remoteProvider, SourceError, sortEntries, sortProducts } from "./remote.ts";

const TYPES: Record<Collection, string> = { posts: "post", pages: "page" };
const SUMMARY = `"slug": slug.current, title, "description": coalesce(description, ""), "date": coalesce(date, "1970-01-01"), "tags": coalesce(tags, []), members == true => { "members": true }`;
export const LIST_QUERY = `*[_type == $type && defined(slug.current)]{${SUMMARY}}`;
export const ENTRY_QUERY = `*[_type == $type && slug.current == $slug][0]{${SUMMARY}, body}`;
// The product type of apps/studio/schemas/product.ts (a stack with commerce).
const PRODUCT = `"slug": slug.current, name, description, price, currency, "image": image.asset->url, body`;
export const PRODUCTS_QUERY = `*[_type == "product" && defined(slug.current)]{${PRODUCT}}`;
export const PRODUCT_QUERY = `*[_type == "product" && slug.current == $slug][0]{${PRODUCT}}`;
/** Sanity's image CDN sizes the picture for the product page (and serves WebP or AVIF where accepted). */
export const IMAGE_PARAMS = "?w=960&h=960&fit=crop&auto=format";

type Row = Omit<EntrySummary, "collection">;
type ProductRow = Record<string, unknown> & { image?: string | null; body?: unknown };

const html = (body: unknown) => (body ? toHTML(body as Parameters<typeof toHTML>[0]) : "");
const product = ({ body, image, ...fields }: ProductRow) => checkedProduct("Sanity", { ...fields, image: image ? `${image}${IMAGE_PARAMS}` : "", html: html(body) });

function connect(env: Record<string, string>): ContentProvider {
  const token = envOf("SANITY_API_READ_TOKEN");
  const drafts = Boolean(token) && isPreviewDeploy();
  // SANITY_API_HOST: another API host (a test server, a proxy); Sanity's own by default.
  const apiHost = envOf("SANITY_API_HOST");
  const client: SanityClient = createClient({
    projectId: env.SANITY_PROJECT_ID as string,
    dataset: env.SANITY_DATASET as string,
    apiVersion: "2025-02-19",
    // Drafts need the token and the live API; published content comes from Sanity's CDN.
    useCdn: !drafts,
    perspective: drafts ? "drafts" : "published",
    ...(drafts ? { token } : {}),
    ...(apiHost ? { apiHost, useProjectHostname: false } : {}),
  });
  const url = apiHost ?? `https://${env.SANITY_PROJECT_ID}.api.sanity.io`;
  const fetch = async <T>(query: string, params: Record<string, string>): Promise<T> => {
    try {
      return await client.fetch<T>(query, params);
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      throw new SourceError("Sanity", url, status ?? "unreachable", (error as Error).message);
    }
  };
  return {
    async listEntries(collection) {
      const rows = await fetch<Row[]>(LIST_QUERY, { type: TYPES[collection] });
      return sortEntries(collection, rows.map((r) => ({ ...r, collection })));
    },
    async getEntry(collection, slug) {
      const row = await fetch<(Row & { body?: unknown }) | null>(ENTRY_QUERY, { type: TYPES[collection], slug });
      if (!row) return undefined;
      const { body, ...rest } = row;
      return { ...rest, collection, html: html(body) } satisfies Entry;
    },
    async listProducts() {
      return sortProducts((await fetch<ProductRow[]>(PRODUCTS_QUERY, {})).map(product));
    },
    async getProduct(slug) {
      const row = await fetch<ProductRow | null>(PRODUCT_QUERY, { slug });
      return row ? product(row) : undefined;
    },
  };
}

export const source = { name: "Sanity", required: ["SANITY_PROJECT_ID", "SANITY_DATASET"], connect };

export const provider = remoteProvider(source);
