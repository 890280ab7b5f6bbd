// GET /api/members?entry=<collection>/<slug>: a members-only entry's body, for a signed-in visitor.
// Pages hold only a placeholder (see @repo/content's getEntry); this is the one way to the body.
// 401 without a session, 404 for an entry that is not members-only (its page already shows it)
// or none; never cached anywhere but the visitor's own tab.
import { getMembersEntry } from "@repo/content/members";
import { missingVariables } from "../auth/guard.ts";
import { sessionOf } from "../auth/session.ts";
import { env } from "../env.ts";
import type { Route } from "../types.ts";

const headers = { "cache-control": "private, no-store" };
const refuse = (status: number, error: string) => Response.json({ error }, { status, headers });

export const membersEntry: Route = {
  methods: ["GET"],
  handler: async (request) => {
    const user = missingVariables().length === 0 ? await sessionOf(request, env("AUTH_SECRET")) : undefined;
    if (!user) return refuse(401, "Sign in to read this post.");
    const [collection, slug, ...rest] = (new URL(request.url).searchParams.get("entry") ?? "").split("/");
    if ((collection !== "posts" && collection !== "pages") || !slug || rest.length) return refuse(404, "There is no such members-only entry.");
    const entry = await getMembersEntry(collection, slug);
    if (!entry) return refuse(404, "There is no such members-only entry.");
    return Response.json({ title: entry.title, html: entry.html }, { headers });
  },
};
