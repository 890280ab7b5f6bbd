// The site's server side. `handle` is what every mount calls: a hybrid framework's catch-all API
// route, or a static site's host functions (apps/web/api/ on Vercel, netlify/functions on Netlify).
import { createRouter } from "./router.ts";
import { routes } from "./routes.ts";

export type { Change, Handler, Platform, Route, Routes } from "./types.ts";
export { routes };
export { renderedOnRequest } from "./on-request.ts";
// A Cloudflare Worker's mount counts writes with its rate-limiting bindings (wrangler.jsonc).
export { cloudflareLimiter } from "./rate-limit.ts";

export const handle = createRouter(routes);
