// GET /api/auth/me: `{ user, configured }`, user null when signed out; never cached (it is one
// visitor's). The account badge asks it, so pages stay static.
import { missingVariables } from "../auth/guard.ts";
import { sessionOf } from "../auth/session.ts";
import { env } from "../env.ts";
import type { Route } from "../types.ts";

export const authMe: Route = {
  methods: ["GET"],
  handler: async (request) => {
    const configured = missingVariables().length === 0;
    const user = configured ? ((await sessionOf(request, env("AUTH_SECRET"))) ?? null) : null;
    return Response.json({ user, configured }, { headers: { "cache-control": "private, no-store" } });
  },
};
