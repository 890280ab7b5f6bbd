import { listEntries } from "@repo/content";
import { json } from "@sveltejs/kit";
import type { RequestHandler } from "./$types";

// Runs on every request, never pre-rendered: the Node server locally, a function on Vercel and Netlify.
export const prerender = false;

/** GET /api/entries: every post's summary (everything but the body), newest first, as JSON. */
export const GET: RequestHandler = async () => json(await listEntries("posts"));
