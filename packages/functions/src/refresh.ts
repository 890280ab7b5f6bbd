// After a verified content webhook: a hybrid site revalidates the changed pages where they are
// cached; a static site asks its host for a new deploy (the pages are files made at build time).
import { listEntries } from "@repo/content";
import { env } from "./env.ts";
import type { Change, Platform } from "./types.ts";

/** The host deploy hooks a static site may have; each deploy module documents its own. */
export const DEPLOY_HOOKS = [
  { host: "Vercel", variable: "VERCEL_DEPLOY_HOOK_URL" },
  { host: "Netlify", variable: "NETLIFY_BUILD_HOOK_URL" },
] as const;

const pathOf = (collection: Change["collection"], slug: string) => (collection === "posts" ? `/posts/${slug}/` : `/${slug}/`);

/** The pages that show a change: the entry's own page, and the home page, which lists posts. */
export async function pathsOf(changes: Change[]): Promise<string[]> {
  const paths = new Set<string>();
  for (const { collection, slug } of changes) {
    if (collection === "posts") paths.add("/");
    const slugs = slug ? [slug] : (await listEntries(collection)).map((e) => e.slug);
    for (const s of slugs) paths.add(pathOf(collection, s));
  }
  return [...paths];
}

export async function refresh(changes: Change[], platform: Platform, request: Request): Promise<Response> {
  if (!changes.length) return Response.json({ ignored: "the webhook names no post or page" });
  if (platform.revalidate) {
    const paths = await pathsOf(changes);
    try {
      await platform.revalidate(paths, request);
    } catch (error) {
      console.error(`revalidate: ${(error as Error).message}`);
      // 502: the CMS sees a failure and retries later.
      return Response.json({ error: "the host did not revalidate the pages" }, { status: 502 });
    }
    return Response.json({ revalidated: paths });
  }
  const hooks = DEPLOY_HOOKS.flatMap((h) => {
    const url = env(h.variable);
    return url ? [{ ...h, url }] : [];
  });
  if (!hooks.length) {
    console.error(`revalidate: a static site rebuilds through its host's deploy hook; set ${DEPLOY_HOOKS.map((h) => h.variable).join(" or ")}.`);
    return Response.json({ error: "no deploy hook is configured" }, { status: 503 });
  }
  const results = await Promise.all(hooks.map(async (h) => ({ ...h, res: await fetch(h.url, { method: "POST" }).catch(() => undefined) })));
  const failed = results.filter((r) => !r.res?.ok);
  if (failed.length) {
    for (const f of failed) console.error(`revalidate: ${f.host}'s deploy hook answered ${f.res ? f.res.status : "nothing (unreachable)"}`);
    // 502: the CMS sees a failure and retries later.
    return Response.json({ error: `deploy hook failed: ${failed.map((f) => f.host).join(", ")}` }, { status: 502 });
  }
  return Response.json({ rebuilding: hooks.map((h) => h.host) }, { status: 202 });
}
