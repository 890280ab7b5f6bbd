import { cloudflareLimiter, handle } from "@repo/functions/host";

// Every route of packages/functions as this Worker's fetch handler. wrangler.jsonc runs it first
// for /api/* only: every other request is a file of the build, served by Cloudflare's asset layer
// without starting the Worker. Its rate-limiting bindings (LIMIT_CHECKOUT, LIMIT_COMMENTS in
// wrangler.jsonc) count how often a visitor writes.
export default {
  fetch: (request: Request, env: Record<string, unknown>) => handle(request, { limiter: cloudflareLimiter(env) }),
};
