// The framework's answer as a Web Response (Astro's middleware, SvelteKit's handle): see html.ts.
import { securedHtml, securityHeaders } from "./html.ts";

/** `response` with the headers it lacks and, when it is a page, the page's policy. */
export async function securedResponse(response: Response, env: Record<string, string | undefined> = process.env): Promise<Response> {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(securityHeaders)) if (!headers.has(name)) headers.set(name, value);
  const init = { status: response.status, statusText: response.statusText, headers };
  if (!/^text\/html\b/i.test(headers.get("content-type") ?? "") || !response.body) return new Response(response.body, init);
  // The body's length changes with the <meta>.
  headers.delete("content-length");
  return new Response(securedHtml(await response.text(), env), init);
}
