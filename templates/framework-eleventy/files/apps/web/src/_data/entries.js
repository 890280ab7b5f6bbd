// @ts-check
// Global data: every entry of @repo/content, with its HTML body, as {{ entries.posts }} and
// {{ entries.pages }}. posts.njk and pages.njk paginate over them (one page per entry).
import { getEntry, listEntries } from "@repo/content";

/**
 * @param {import("@repo/content").Collection} collection
 * @returns {Promise<import("@repo/content").Entry[]>} in listEntries' order (posts newest first)
 */
async function load(collection) {
  const summaries = await listEntries(collection);
  return Promise.all(
    summaries.map(async ({ slug }) => {
      const entry = await getEntry(collection, slug);
      if (!entry) throw new Error(`Entry not found: ${collection}/${slug}`);
      return entry;
    }),
  );
}

export default async function () {
  const [posts, pages] = await Promise.all([load("posts"), load("pages")]);
  return { posts, pages };
}
