// Every answer of the site's server, pages rendered on request and pre-rendered ones alike (Astro
// runs this at build time for those): the security headers Netlify's and Cloudflare's `_headers`
// do not add to a server's answer, and each page's script policy (packages/security).
import { securedResponse } from "@repo/security/response";
import { defineMiddleware } from "astro:middleware";

export const onRequest = defineMiddleware(async (_context, next) => securedResponse(await next()));
