// Every request body is read against a cap before any handler parses it, authenticates it or
// checks its signature: a request larger than its route allows gets 413 having cost at most the
// cap in memory, whatever it declares (a missing or false Content-Length, a chunked stream). Hosts
// cap bodies too (Vercel 4.5 MB, Netlify 6 MB, Workers 100 MB), but a self-hosted Node server and
// `pnpm dev` do not, and those caps are far above what any of these forms and webhooks need.

/** A comment, a checkout or a sign-in form is a few kB: routes that take more say so (Route.maxBody). */
export const DEFAULT_MAX_BODY = 64 * 1024;

/**
 * `request` with its body read in full when it holds at most `limit` bytes, or undefined when it
 * holds more (the rest is never read). GET and HEAD have no body and pass as they are.
 */
export async function withinLimit(request: Request, limit: number): Promise<Request | undefined> {
  if (!request.body) return request;
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > limit) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}
