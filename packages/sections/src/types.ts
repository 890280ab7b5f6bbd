/** One page of a section, rendered by the framework inside its layout. */
export interface SectionPage {
  /** With slashes at both ends: "/products/", "/products/jam-jar-mug/". */
  path: string;
  title: string;
  description: string;
  /** The page's content (inside the layout's <main>), escaped where it holds content. */
  html: string;
  /** Whether site search should find it (a product's page, not a listing or a thank-you page). */
  searchable?: boolean;
}

/** What a section's source (src/sections/<id>.ts) exports. */
export interface SectionSource {
  pages(): Promise<SectionPage[]>;
}
