// Local Markdown: the entries were compiled at build time (scripts/build-markdown.ts), so this works
// the same in every framework's bundler and needs no account, network or file access at runtime.
import generated from "../../.generated/markdown.json" with { type: "json" };
import type { ContentProvider, Entry, EntrySummary } from "../types.ts";

const entries = generated as Entry[];

const summary = ({ html: _html, ...rest }: Entry): EntrySummary => rest;

export const provider: ContentProvider = {
  async listEntries(collection) {
    const list = entries.filter((e) => e.collection === collection).map(summary);
    return collection === "posts"
      ? list.sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug))
      : list.sort((a, b) => a.title.localeCompare(b.title));
  },
  async getEntry(collection, slug) {
    return entries.find((e) => e.collection === collection && e.slug === slug);
  },
};
