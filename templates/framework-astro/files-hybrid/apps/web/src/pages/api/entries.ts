import { listEntries } from "@repo/content";
import type { APIRoute } from "astro";

// Runs on every request, never pre-rendered: the Node server locally, a function on Vercel and Netlify.
export const prerender = false;

/** GET /api/entries/: every post's summary (everything but the body), newest first, as JSON. */
export const GET: APIRoute = async () => Response.json(await listEntries("posts"));
