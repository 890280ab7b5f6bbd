import { handle, renderedOnRequest } from "@repo/functions";
import type { RequestHandler } from "./$types";

// Every route of @repo/functions (packages/functions/src/routes.ts) runs here, on each request:
// the Node server locally, a function on Vercel and Netlify.
export const prerender = false;
// The site's pages end with a slash (src/routes/+layout.ts); a webhook may be registered with or
// without one, and a redirect would lose a POST's signature (it covers the path): take both.
export const trailingSlash = "ignore";

export const fallback: RequestHandler = ({ request }) => handle(request, renderedOnRequest);
