import { DEFAULT_MAX_BODY, withinLimit } from "./body-limit.ts";
import { memoryLimiter, visitorOf } from "./rate-limit.ts";
import { withSecurityHeaders } from "./headers.ts";
import type { Platform, Routes } from "./types.ts";

/** A trailing slash is the same route: frameworks and hosts differ on whether they add one. */
const normalise = (path: string) => (path.length > 1 ? path.replace(/\/+$/, "") : path);

/**
 * One entry point for every mount: a framework's catch-all API route, a host's function. Unknown
 * paths get 404 and known paths with another method get 405 with an Allow header, as HTTP says; a
 * body over the route's cap gets 413 before its handler runs (./body-limit.ts), and a visitor over
 * the route's rate limit 429 (./rate-limit.ts). Every answer, the errors too, carries the security
 * headers (./headers.ts) the handler did not set.
 */
export function createRouter(routes: Routes) {
  const answer = async (request: Request, platform: Platform): Promise<Response> => {
    const route = routes[normalise(new URL(request.url).pathname)];
    if (!route) return Response.json({ error: "not found" }, { status: 404 });
    const methods = route.methods.includes("GET") ? [...route.methods, "HEAD"] : route.methods;
    if (!methods.includes(request.method)) {
      return Response.json({ error: `use ${route.methods.join(" or ")}` }, { status: 405, headers: { allow: methods.join(", ") } });
    }
    if (route.limit && request.method !== "GET" && request.method !== "HEAD") {
      const allowed = await (platform.limiter ?? memoryLimiter)(route.limit, visitorOf(request)).catch((error) => {
        // A limiter that fails lets the request through: the site keeps working, and the log says why.
        console.error(`rate limit ${route.limit?.name}: ${(error as Error).message}`);
        return true;
      });
      if (!allowed) return Response.json({ error: "too many requests: try again in a minute" }, { status: 429, headers: { "retry-after": String(route.limit.seconds) } });
    }
    try {
      const bounded = await withinLimit(request, route.maxBody ?? DEFAULT_MAX_BODY);
      if (!bounded) return Response.json({ error: "the request body is too large" }, { status: 413 });
      return await route.handler(bounded, platform);
    } catch (error) {
      // The details go to the function's log, never to the caller.
      console.error(`${request.method} ${new URL(request.url).pathname}:`, error);
      return Response.json({ error: "internal error" }, { status: 500 });
    }
  };
  return async function handle(request: Request, platform: Platform = {}): Promise<Response> {
    return withSecurityHeaders(await answer(request, platform));
  };
}
