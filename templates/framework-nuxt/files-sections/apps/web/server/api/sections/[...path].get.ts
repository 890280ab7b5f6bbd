import { getSectionPage } from "@repo/sections";

/** GET /api/sections/<path>: a page another module adds (packages/sections), or a 404. */
export default defineEventHandler(async (event) => {
  const page = await getSectionPage(getRouterParam(event, "path") ?? "");
  if (!page) throw createError({ statusCode: 404, statusMessage: "Page not found" });
  return page;
});
