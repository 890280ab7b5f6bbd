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
  /**
   * For signed-in members only (frontmatter or the CMS's `members: true`): pages get a placeholder
   * instead of the body, which only the auth module's /api/members function serves, to a session.
   */
  members?: boolean;
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
  /** The products a commerce module sells, by name; none without one. */
  listProducts(): Promise<Product[]>;
  getProduct(slug: string): Promise<Product | undefined>;
}

/** Something the site sells (with a commerce module): its price comes from here, never from a form. */
export interface Product {
  slug: string;
  name: string;
  description: string;
  /** In the currency's minor unit (cents): 1800 is 18.00. */
  price: number;
  /** ISO 4217, lower case as Stripe writes it: "usd", "eur". */
  currency: string;
  /** An absolute URL, a data: URI for the bundled demo images, or "" for none. */
  image: string;
  /** The description's long form, rendered to HTML at build time. */
  html: string;
}
