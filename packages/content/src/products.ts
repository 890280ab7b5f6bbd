// The products a commerce module sells, as `@repo/content/products`. They are read from
// content/products/*.md at build time (scripts/read-markdown.ts), like the Markdown entries, so
// the price a checkout charges is the one in the repository, never one a browser sent.
import generated from "../.generated/products.json" with { type: "json" };
import type { Product } from "./types.ts";

const products = generated as Product[];

/** Every product, by name. */
export async function listProducts(): Promise<Product[]> {
  return [...products].sort((a, b) => a.name.localeCompare(b.name));
}

export async function getProduct(slug: string): Promise<Product | undefined> {
  return products.find((p) => p.slug === slug);
}

export type { Product } from "./types.ts";
