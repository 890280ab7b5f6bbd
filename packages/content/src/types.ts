/** The two kinds of content every site has: dated posts, and standalone pages (about, contact...). */
export type Collection = "posts" | "pages";

/** What a list shows: everything but the body. */
export interface EntrySummary {
  collection: Collection;
  slug: string;
  title: string;
  description: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  tags: string[];
}

export interface Entry extends EntrySummary {
  /** The body, rendered to HTML at build time. */
  html: string;
}

/** What every content source implements; apps only ever see this. */
export interface ContentProvider {
  /** Posts newest first, pages by title. */
  listEntries(collection: Collection): Promise<EntrySummary[]>;
  getEntry(collection: Collection, slug: string): Promise<Entry | undefined>;
}
