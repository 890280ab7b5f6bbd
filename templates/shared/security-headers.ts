// The security headers every host sends with the site's static files (vercel.json, the _headers
// file Netlify and Cloudflare read), written once here from the stack's data. They carry what a
// page's <meta> policy cannot (frame-ancestors is ignored in <meta>) and what no page may do:
// be framed (the sign-in form would be clickjackable), load plugins, move its base URL, or post a
// form anywhere but the site and the checkout an integration names (form-action, which Chromium
// also checks on the 303 a form's answer redirects with). The script policy is per page
// (packages/security, a static build's pages), since it holds each page's inline scripts' hashes.
import type { ModuleView, StackView } from "../../create-jam/src/engine/types.ts";

/** The header policy: none of it depends on a page, so one header covers every file. */
export function headerPolicy(csp: StackView["csp"]): string {
  // A `$NAME` source is a build-time variable: a header written now cannot read it.
  const formAction = ["'self'", ...(csp["form-action"] ?? []).filter((s) => !s.startsWith("$"))];
  return ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", `form-action ${[...new Set(formAction)].join(" ")}`].join("; ");
}

/** Every header, by name as hosts' docs spell them. */
export function securityHeaders(view: Pick<StackView, "csp">): Record<string, string> {
  return {
    "Content-Security-Policy": headerPolicy(view.csp),
    // Browsers without frame-ancestors.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // Other origins get the site's origin, never a page's path and query.
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
}

/** A chosen host that reads `_headers` from the site's static output (data.headersFile: Netlify, Cloudflare). */
export const readsHeadersFile = (view: StackView) => ((view.deploy ?? []) as ModuleView[]).some((d) => d.headersFile);

/**
 * A host's "what this protects, and what it does not" paragraph: `where` says which file sets the
 * headers, `gaps` what that host's headers do not reach.
 */
export const headersReadme = (host: string, where: string, gaps: string) => `### ${host}: security headers

${where} sends every file with \`X-Frame-Options: DENY\`, \`X-Content-Type-Options: nosniff\`, \`Referrer-Policy: strict-origin-when-cross-origin\` and a \`Content-Security-Policy\` with \`frame-ancestors 'none'; object-src 'none'; base-uri 'self'\` and a \`form-action\` of the site (and the checkout the stack uses). What that protects: no other site can frame a page (the sign-in form cannot be overlaid and clicked through), no page loads a plugin or moves its base URL, a form posts nowhere else, and the browser never guesses a file's type. Each pre-rendered page of a static build also carries its own policy in a \`<meta>\` (\`packages/security\`, run by the build): scripts only from the site and by the hash of each inline script the page was built with, so a script that gets into a page's content does not run. The functions' answers (\`/api/*\`) carry strict headers of their own (\`packages/functions/src/headers.ts\`). Styles stay \`'unsafe-inline'\` (the frameworks inline them) and images may come from any origin: markup that gets into a page can still restyle it or load an image from elsewhere. What it does not: ${gaps}`;
