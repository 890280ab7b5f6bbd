// The content API the app reads. Which source answers is decided in ./provider.ts.
import footer from "../post-footer.json" with { type: "json" };
import { provider } from "./safe-provider.ts";
import type { Collection, Entry, EntrySummary } from "./types.ts";

export { loadLocalEnv } from "./local-env.ts";
export type { Collection, ContentProvider, Entry, EntrySummary } from "./types.ts";

export function listEntries(collection: Collection = "posts"): Promise<EntrySummary[]> {
  return provider.listEntries(collection);
}

/**
 * An entry as pages show it. A members-only entry's body is never in a page (nor in a search
 * index, nor in any static file): pages get an element that asks the auth module's /api/members
 * function for it, which answers a signed-in visitor only (`@repo/content/members`).
 */
export async function getEntry(collection: Collection, slug: string): Promise<Entry | undefined> {
  const entry = await provider.getEntry(collection, slug);
  if (!entry) return undefined;
  const html = entry.members ? membersPlaceholder(entry) : entry.html;
  return { ...entry, html: withBasePath(collection === "posts" ? `${html}${postFooter(entry.slug)}` : html) };
}

/**
 * HTML whose links and sources of the site's own ("/about/") point below the path the site is
 * served under: BASE_PATH, e.g. /my-site on GitHub Pages (its workflow sets it), read at build time.
 * Every framework shows this HTML as it is, so the base path goes in here, once.
 */
export function withBasePath(html: string): string {
  const base = basePath();
  return base ? html.replace(/\b(href|src|action)="\/(?!\/)/g, `$1="${base}/`) : html;
}

/** The path the site is served under, without a trailing slash: "/my-site", or "" at the root. */
export const basePath = () => (globalThis.process?.env?.BASE_PATH ?? "").replace(/\/+$/, "");

/** What the stack's modules show after every post (post-footer.json, written by create-jam): comments. */
const postFooter = (slug: string) => footer.html.replaceAll("{slug}", attribute(slug));

const attribute = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What a page holds instead of a members-only body: the auth module's widget fills it in. */
export const membersPlaceholder = ({ collection, slug }: EntrySummary) =>
  `<jam-members data-entry="${attribute(`${collection}/${slug}`)}"><p class="notice">This post is for members only.</p></jam-members>`;
