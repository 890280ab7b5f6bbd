import { listEntries } from "@repo/content";
import type { PageServerLoad } from "./$types";

export const load: PageServerLoad = async () => ({ posts: await listEntries("posts") });
