// Local Markdown: the entries were compiled at build time (scripts/build-markdown.ts), so this works
// the same in every framework's bundler and needs no account, network or file access at runtime.
import generated from "../../.generated/markdown.json" with { type: "json" };
import generatedProducts from "../../.generated/products.json" with { type: "json" };
import type { ContentProvider, Entry, EntrySummary, Product } from "../types.ts";
import { sortEntries, sortProducts } from "./sort.ts";

const entries = generated as Entry[];
// content/products/*.md, when a commerce module brought them (an empty list otherwise).
const products = generatedProducts as Product[];

const summary = ({ html: _html, ...rest }: Entry): EntrySummary => rest;

export const provider: ContentProvider = {
  async listEntries(collection) {
    return sortEntries(collection, entries.filter((e) => e.collection === collection).map(summary));
  },
  async getEntry(collection, slug) {
    return entries.find((e) => e.collection === collection && e.slug === slug);
  },
  async listProducts() {
    return sortProducts([...products]);
  },
  async getProduct(slug) {
    return products.find((p) => p.slug === slug);
  },
};
