import { listEntries } from "@repo/content";

// The pages read @repo/content through these routes, on the server only: `nuxt generate` renders
// them into the pre-rendered HTML, and the browser never fetches them.
/** GET /api/content/list/<posts|pages>: the collection's summaries (posts newest first). */
export default defineEventHandler((event) => {
  const collection = getRouterParam(event, "collection");
  if (collection !== "posts" && collection !== "pages") throw createError({ statusCode: 404 });
  return listEntries(collection);
});
