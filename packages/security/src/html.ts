// A hybrid stack's pages, as the framework's own server answers them: the pages it renders on
// request, and the pre-rendered ones, which the same server renders at build time. Netlify's and
// Cloudflare's `_headers` reach only the files those hosts serve themselves, never a function's
// or a Worker's answer, so the server adds the hosts' headers itself (headers.json); and its HTML
// gets the policy <meta> a static build's step writes (csp.ts): scripts by the hashes of the
// inline scripts this very answer holds. Each framework's hook hands the answer over: Astro's
// middleware and SvelteKit's handle through response.ts, Nitro's beforeResponse here.
import directives from "../csp.json" with { type: "json" };
import headers from "../headers.json" with { type: "json" };
import { type Directives, withPagePolicy } from "./csp.ts";

/** The hosts' headers, by name: an answer that set one of its own (the router's /api/* answers) keeps it. */
export const securityHeaders: Readonly<Record<string, string>> = headers;

/** `html` with its policy <meta>, from the variables the server runs with (a `$NAME` source). */
export function securedHtml(html: string, env: Record<string, string | undefined> = process.env): string {
  return withPagePolicy(html, directives.directives as Directives, env) ?? html;
}
