// The order every provider returns, Markdown and CMS alike.
import type { Collection, Product } from "../types.ts";

/** Newest first for posts, by title for pages. */
export function sortEntries<T extends { date: string; title: string; slug: string }>(collection: Collection, list: T[]): T[] {
  return collection === "posts"
    ? list.sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug))
    : list.sort((a, b) => a.title.localeCompare(b.title));
}

/** Products by name. */
export function sortProducts(list: Product[]): Product[] {
  return list.sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
}
