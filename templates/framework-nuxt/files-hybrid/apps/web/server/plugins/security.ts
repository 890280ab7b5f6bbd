// Every answer of the site's server, pages rendered on request and pre-rendered ones alike (Nitro
// pre-renders through the same handlers): the security headers Netlify's and Cloudflare's
// `_headers` do not add to a server's answer, and each page's script policy (packages/security).
import { securedHtml, securityHeaders } from "@repo/security/html";

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook("beforeResponse", (event, response) => {
    for (const [name, value] of Object.entries(securityHeaders)) if (getResponseHeader(event, name) === undefined) setResponseHeader(event, name, value);
    const type = String(getResponseHeader(event, "content-type") ?? "");
    if (/^text\/html\b/i.test(type) && typeof response.body === "string") response.body = securedHtml(response.body);
  });
});
