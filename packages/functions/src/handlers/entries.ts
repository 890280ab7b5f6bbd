import { listEntries } from "@repo/content";
import type { Route } from "../types.ts";

/** GET /api/entries: every post's summary (everything but the body), newest first, as JSON. */
export const entries: Route = {
  methods: ["GET"],
  handler: async () => Response.json(await listEntries("posts")),
};
