// Every answer of the site's server, pages rendered on request and pre-rendered ones alike
// (SvelteKit runs this when it pre-renders them): the security headers Netlify's and Cloudflare's
// `_headers` do not add to a server's answer, and each page's script policy (packages/security).
import type { Handle } from "@sveltejs/kit/hooks";
import { securedResponse } from "@repo/security/response";

export const handle: Handle = async ({ event, resolve }) => securedResponse(await resolve(event));
