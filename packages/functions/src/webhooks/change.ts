// The change a CMS's webhook names by its content type and slug (Contentful's, Sanity's, Strapi's;
// Notion's names neither).
import type { Change } from "../types.ts";

const COLLECTIONS: Record<string, Change["collection"]> = { post: "posts", posts: "posts", page: "pages", pages: "pages", product: "products", products: "products" };

const collectionOf = (type: unknown): Change["collection"] | undefined => (typeof type === "string" && Object.hasOwn(COLLECTIONS, type) ? COLLECTIONS[type] : undefined);

/** One entry when the payload names it, else the whole collection; nothing for other types. */
export function changeOf(type: unknown, slug: unknown): Change[] {
  const collection = collectionOf(type);
  if (!collection) return [];
  return [typeof slug === "string" && slug ? { collection, slug } : { collection }];
}
