import { listEntries } from "@repo/content";

// Runs on every request, never pre-rendered: `next start` locally, a serverless function on Vercel
// and Netlify.
export const dynamic = "force-dynamic";

/** GET /api/entries/: every post's summary (everything but the body), newest first, as JSON. */
export async function GET() {
  return Response.json(await listEntries("posts"));
}
