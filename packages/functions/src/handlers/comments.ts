// GET /api/comments?entry=<slug>: a post's comments, oldest first, as text (the page's widget
// writes them with textContent, never as HTML), and who may post. POST /api/comments (form or
// JSON: entry, body): one more, from this site's own pages only, by whoever src/comments/visitor.ts
// lets post (the signed-in visitor: 401 otherwise; anyone with a name; or nobody: read-only), for
// a post that exists, with a body of 1 to 2000 characters.
import { getEntry } from "@repo/content";
import { authorOf, challenge, posting } from "../comments/visitor.ts";
import { store } from "../comments/provider.ts";
import { fromSite } from "../origin.ts";
import { LIMITS } from "../limits.ts";
import type { Route } from "../types.ts";

export const MAX_BODY = 2000;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const headers = { "cache-control": "no-store" };
const problem = (status: number, error: string) => Response.json({ error }, { status, headers });

async function fieldsOf(request: Request): Promise<Record<string, unknown> | undefined> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("application/json")) return (await request.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) return Object.fromEntries(await request.formData());
  return undefined;
}

export const comments: Route = {
  methods: ["GET", "POST"],
  limit: LIMITS.comments,
  handler: async (request) => {
    const missing = store.missing();
    if (request.method !== "POST") {
      const entry = new URL(request.url).searchParams.get("entry") ?? "";
      if (!SLUG.test(entry)) return problem(400, "Name the post: ?entry=<its slug>.");
      if (missing.length) return Response.json({ comments: [], configured: false, posting }, { headers });
      try {
        // The challenge an anonymous post must pass (Turnstile's public site key), for the widget to show.
        const shown = challenge();
        return Response.json({ comments: await store.list(entry), configured: true, posting, ...(shown ? { challenge: shown } : {}) }, { headers });
      } catch (error) {
        console.error(`comments: ${(error as Error).message}`);
        return problem(502, "The comments could not be loaded.");
      }
    }
    if (!fromSite(request)) return problem(403, "Comments are posted from this site's own pages.");
    const fields = await fieldsOf(request);
    if (!fields) return problem(415, "Send the comment as a form or as JSON.");
    const author = await authorOf(request, fields);
    if ("status" in author) return problem(author.status, author.error);
    const entry = typeof fields.entry === "string" ? fields.entry : "";
    const body = typeof fields.body === "string" ? fields.body.trim() : "";
    if (!SLUG.test(entry) || !(await getEntry("posts", entry))) return problem(404, "There is no such post.");
    if (!body) return problem(400, "Write something first.");
    if (body.length > MAX_BODY) return problem(400, `A comment holds at most ${MAX_BODY} characters.`);
    if (missing.length) {
      console.error(`comments: ${store.name} is not set up: set ${missing.join(", ")} (see README, Backend).`);
      return problem(503, "Comments are not set up on this site yet.");
    }
    try {
      return Response.json({ comment: await store.add({ entry, body, author }) }, { status: 201, headers });
    } catch (error) {
      console.error(`comments: ${(error as Error).message}`);
      return problem(502, "The comment could not be stored.");
    }
  },
};
