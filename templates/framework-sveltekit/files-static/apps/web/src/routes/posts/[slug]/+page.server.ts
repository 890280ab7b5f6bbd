import { getEntry, listEntries } from "@repo/content";
import { error } from "@sveltejs/kit";
import type { EntryGenerator, PageServerLoad } from "./$types";

// One page per post, pre-rendered at /posts/<slug>/.
export const entries: EntryGenerator = async () => (await listEntries("posts")).map((post) => ({ slug: post.slug }));

export const load: PageServerLoad = async ({ params }) => {
  const post = await getEntry("posts", params.slug);
  if (!post) error(404, `Post not found: ${params.slug}`);
  return { post };
};
