import { handle, type Platform } from "@repo/functions";
import { revalidatePath } from "next/cache";

// Every route of @repo/functions (packages/functions/src/routes.ts) runs here, on each request:
// `next start` locally, Next.js's own runtime on Vercel and Netlify.
export const dynamic = "force-dynamic";

// Next.js caches the pages it regenerates: a content webhook revalidates them its way.
const platform: Platform = {
  async revalidate(paths) {
    for (const path of paths) revalidatePath(path);
  },
};

const route = (request: Request) => handle(request, platform);

export { route as DELETE, route as GET, route as PATCH, route as POST, route as PUT };
