import { handle, renderedOnRequest } from "@repo/functions";
import type { APIRoute } from "astro";

// Every route of @repo/functions (packages/functions/src/routes.ts) runs here, on each request:
// the Node server locally, a function on Vercel and Netlify.
export const prerender = false;

export const ALL: APIRoute = ({ request }) => handle(request, renderedOnRequest);
