import { getEntry } from "@repo/content";

/** GET /api/content/entry/<posts|pages>/<slug>: one entry with its HTML body, or a 404. */
export default defineEventHandler(async (event) => {
  const collection = getRouterParam(event, "collection");
  const slug = getRouterParam(event, "slug") ?? "";
  const entry = collection === "posts" || collection === "pages" ? await getEntry(collection, slug) : undefined;
  if (!entry) throw createError({ statusCode: 404, statusMessage: "Entry not found" });
  return entry;
});
