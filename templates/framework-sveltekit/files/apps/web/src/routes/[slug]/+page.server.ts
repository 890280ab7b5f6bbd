import { getEntry, listEntries } from "@repo/content";
import { error } from "@sveltejs/kit";
import type { EntryGenerator, PageServerLoad } from "./$types";

// One page per entry of the "pages" collection: /about/, /contact/...
export const entries: EntryGenerator = async () => (await listEntries("pages")).map((page) => ({ slug: page.slug }));

export const load: PageServerLoad = async ({ params }) => {
  const page = await getEntry("pages", params.slug);
  if (!page) error(404, `Page not found: ${params.slug}`);
  return { page };
};
