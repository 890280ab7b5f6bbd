import { listEntries } from "@repo/content";

// Runs on every request, never pre-rendered: the Node server locally, a function on Vercel and Netlify.
/** GET /api/entries: every post's summary (everything but the body), newest first, as JSON. */
export default defineEventHandler(() => listEntries("posts"));
