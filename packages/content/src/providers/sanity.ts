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
/** Whether any members-only entry can be read: sent without a token, it tells a public dataset that holds some. */
export const MEMBERS_EXPOSED_QUERY = `count(*[_type in ["post", "page"] && members == true])`;
/** Sanity's image CDN sizes the picture for the product page (and serves WebP or AVIF where accepted). */
export const IMAGE_PARAMS = "?w=960&h=960&fit=crop&auto=format";

type Row = Omit<EntrySummary, "collection">;
type ProductRow = Record<string, unknown> & { image?: string | null; body?: unknown };

const html = (body: unknown) => (body ? toHTML(body as Parameters<typeof toHTML>[0]) : "");
const product = ({ body, image, ...fields }: ProductRow) => checkedProduct("Sanity", { ...fields, image: image ? `${image}${IMAGE_PARAMS}` : "", html: html(body) });

/**
 * A members-only post must not be readable from a public dataset: anyone can send GROQ to it (the
 * project id is in every image URL), and the site's own placeholder would hide nothing. So a site
 * with members-only posts reads a private dataset with SANITY_API_READ_TOKEN, and its build fails
 * with this when the dataset answers them to anyone.
 */
class MembersExposedError extends Error {
  constructor(dataset: string) {
    super(
      `Sanity dataset "${dataset}" is public, so anyone can read its members-only posts with a GROQ query: make the dataset private (sanity.io/manage › your project › Datasets) and set SANITY_API_READ_TOKEN to a Viewer token.`,
    );
    this.name = "MembersExposedError";
  }
}

function connect(env: Record<string, string>): ContentProvider {
  const token = envOf("SANITY_API_READ_TOKEN");
  const drafts = Boolean(token) && isPreviewDeploy();
  // SANITY_API_HOST: another API host (a test server, a proxy); Sanity's own by default.
  const apiHost = envOf("SANITY_API_HOST");
  const config = {
    projectId: env.SANITY_PROJECT_ID as string,
    dataset: env.SANITY_DATASET as string,
    apiVersion: "2025-02-19",
    // Drafts need the live API; published content comes from Sanity's CDN (with or without a token).
    useCdn: !drafts,
    perspective: drafts ? ("drafts" as const) : ("published" as const),
    ...(apiHost ? { apiHost, useProjectHostname: false } : {}),
  };
  // The token reads a private dataset, and drafts on a preview deployment.
  const client: SanityClient = createClient({ ...config, ...(token ? { token } : {}) });
  const url = apiHost ?? `https://${env.SANITY_PROJECT_ID}.api.sanity.io`;
  const fetchWith = async <T>(c: SanityClient, query: string, params: Record<string, string>): Promise<T> => {
    try {
      return await c.fetch<T>(query, params);
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      throw new SourceError("Sanity", url, status ?? "unreachable", (error as Error).message);
    }
  };
  // Without a token every read is anyone's: a members-only entry among them fails the build. With
  // one, a single tokenless count asks whether anyone else could read them too (a private dataset
  // answers it 401 or 403).
  let privacy: Promise<void> | undefined;
  const membersArePrivate = () =>
    (privacy ??= token
      ? fetchWith<number>(createClient({ ...config, perspective: "published" }), MEMBERS_EXPOSED_QUERY, {}).then(
          (exposed) => {
            if (exposed > 0) throw new MembersExposedError(config.dataset);
          },
          (error: SourceError) => {
            if (!/answered 40[13]/.test(error.message)) throw error;
          },
        )
      : Promise.resolve());
  const fetch = async <T>(query: string, params: Record<string, string>): Promise<T> => {
    await membersArePrivate();
    return fetchWith<T>(client, query, params);
  };
  const checked = <T extends { members?: boolean } | null>(row: T): T => {
    if (!token && row?.members) throw new MembersExposedError(config.dataset);
    return row;
  };
  return {
    async listEntries(collection) {
      const rows = (await fetch<Row[]>(LIST_QUERY, { type: TYPES[collection] })).map(checked);
      return sortEntries(collection, rows.map((r) => ({ ...r, collection })));
    },
    async getEntry(collection, slug) {
      const row = checked(await fetch<(Row & { body?: unknown }) | null>(ENTRY_QUERY, { type: TYPES[collection], slug }));
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
