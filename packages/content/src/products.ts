// The products a commerce module sells, as `@repo/content/products`: read from the content source
// like posts (content/products/*.md for Markdown and the demo, the CMS's product type otherwise),
// so the price a checkout charges is the one in the content, never one a browser sent.
import { provider } from "./safe-provider.ts";
import type { Product } from "./types.ts";

/** Every product, by name. */
export function listProducts(): Promise<Product[]> {
  return provider.listProducts();
}

export function getProduct(slug: string): Promise<Product | undefined> {
  return provider.getProduct(slug);
}

export type { Product } from "./types.ts";
