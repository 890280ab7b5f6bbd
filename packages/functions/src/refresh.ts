// After a verified content webhook: pages the site renders on request are revalidated where they
// are cached; pre-rendered pages (every page of a static site, the home page and pages of a hybrid
// Astro, SvelteKit or Nuxt site) are files made at build time, so the host is asked for a new
// deploy through its deploy hook.
import { listEntries } from "@repo/content";
import { env } from "./env.ts";
import type { Change, Platform } from "./types.ts";

/** The host deploy hooks a site may have; each deploy module documents its own. */
const DEPLOY_HOOKS = [
  { host: "Vercel", variable: "VERCEL_DEPLOY_HOOK_URL" },
  { host: "Netlify", variable: "NETLIFY_BUILD_HOOK_URL" },
  { host: "Cloudflare", variable: "CLOUDFLARE_DEPLOY_HOOK_URL" },
] as const;

const pathOf = (collection: Change["collection"], slug: string) => (collection === "posts" ? `/posts/${slug}/` : collection === "products" ? `/products/${slug}/` : `/${slug}/`);

/**
 * The pages that show a change: the entry's own page, and the listing that shows it: the home page
 * lists posts, /products/ lists products (name, price, image). A product is always named: only a
 * stack with commerce has the product type, and the CMSs that announce it give its slug.
 */
export async function pathsOf(changes: Change[]): Promise<string[]> {
  const paths = new Set<string>();
  for (const { collection, slug } of changes) {
    if (collection === "posts") paths.add("/");
    if (collection === "products") {
      paths.add("/products/");
      if (slug) paths.add(pathOf(collection, slug));
      continue;
    }
    const slugs = slug ? [slug] : (await listEntries(collection)).map((e) => e.slug);
    for (const s of slugs) paths.add(pathOf(collection, s));
  }
  return [...paths];
}

type Outcome = { ok: true; body: Record<string, unknown> } | { ok: false; status: number; error: string };

/** POSTs every configured deploy hook once; `required`: whether having none is an error. */
async function rebuild(required: boolean, prerendered: string[]): Promise<Outcome> {
  const hooks = DEPLOY_HOOKS.flatMap((h) => {
    const url = env(h.variable);
    return url ? [{ ...h, url }] : [];
  });
  if (!hooks.length) {
    const variables = DEPLOY_HOOKS.map((h) => h.variable).join(" or ");
    if (!required) {
      console.log(`revalidate: ${prerendered.join(", ")} are pre-rendered and change with the next deploy; set ${variables} to deploy at once.`);
      return { ok: true, body: { stale: prerendered } };
    }
    console.error(`revalidate: a static site rebuilds through its host's deploy hook; set ${variables}.`);
    return { ok: false, status: 503, error: "no deploy hook is configured" };
  }
  const results = await Promise.all(hooks.map(async (h) => ({ ...h, res: await fetch(h.url, { method: "POST" }).catch(() => undefined) })));
  const failed = results.filter((r) => !r.res?.ok);
  if (failed.length) {
    for (const f of failed) console.error(`revalidate: ${f.host}'s deploy hook answered ${f.res ? f.res.status : "nothing (unreachable)"}`);
    // 502: the CMS sees a failure and retries later.
    return { ok: false, status: 502, error: `deploy hook failed: ${failed.map((f) => f.host).join(", ")}` };
  }
  return { ok: true, body: { rebuilding: hooks.map((h) => h.host) } };
}

export async function refresh(changes: Change[], platform: Platform, request: Request): Promise<Response> {
  if (!changes.length) return Response.json({ ignored: "the webhook names no post, page or product" });
  if (!platform.revalidate) {
    const outcome = await rebuild(true, []);
    return outcome.ok ? Response.json(outcome.body, { status: 202 }) : Response.json({ error: outcome.error }, { status: outcome.status });
  }
  const paths = await pathsOf(changes);
  const onRequest = platform.rendersOnRequest ? paths.filter(platform.rendersOnRequest) : paths;
  const prerendered = paths.filter((p) => !onRequest.includes(p));
  const body: Record<string, unknown> = {};
  if (onRequest.length) {
    try {
      await platform.revalidate(onRequest, request);
    } catch (error) {
      console.error(`revalidate: ${(error as Error).message}`);
      // 502: the CMS sees a failure and retries later.
      return Response.json({ error: "the host did not revalidate the pages" }, { status: 502 });
    }
    body.revalidated = onRequest;
  }
  if (prerendered.length) {
    const outcome = await rebuild(false, prerendered);
    if (!outcome.ok) return Response.json({ error: outcome.error }, { status: outcome.status });
    Object.assign(body, outcome.body);
  }
  return Response.json(body);
}
