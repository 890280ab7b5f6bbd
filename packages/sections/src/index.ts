// The pages integrations add to the site, by section (src/registry.ts, written by create-jam from
// the chosen modules). Every framework has one route per section that lists its pages at build time
// and renders a page's HTML in the site's layout.
import { withBasePath } from "@repo/content";
import { sources } from "./registry.ts";
import type { SectionPage } from "./types.ts";

export type { SectionPage } from "./types.ts";

/** The sections' path segments ("products", "checkout"). */
export const sectionIds = Object.keys(sources);

/** Every page of every section. */
export async function listAllSectionPages(): Promise<SectionPage[]> {
  return (await Promise.all(sectionIds.map(listSectionPages))).flat();
}

/** The pages of one section ("products"), each with its full path. */
export async function listSectionPages(section: string): Promise<SectionPage[]> {
  const source = sources[section as keyof typeof sources];
  if (!source) throw new Error(`no section "${section}": the sections are ${Object.keys(sources).join(", ")}`);
  // Their links below the site's base path (GitHub Pages' /<repo>), as the content's.
  return (await source.pages()).map((page) => ({ ...page, html: withBasePath(page.html) }));
}

/** A page by its path, with or without the trailing slash ("/products/jam-jar-mug"). */
export async function getSectionPage(path: string): Promise<SectionPage | undefined> {
  const wanted = `/${path.replace(/^\/+|\/+$/g, "")}/`;
  const section = wanted.split("/")[1] ?? "";
  if (!(section in sources)) return undefined;
  return (await listSectionPages(section)).find((p) => p.path === wanted);
}

/** A page's path inside its section, as a catch-all route's parameter: "" for the section's own page. */
export const restOf = (page: SectionPage) => page.path.split("/").slice(2, -1).join("/");
