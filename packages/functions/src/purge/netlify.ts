// Netlify's durable cache, purged by tag through @netlify/functions: entry pages carry
// `Netlify-Cache-Tag` (cache.ts). Netlify gives its functions NETLIFY_PURGE_API_TOKEN and SITE_ID.
import { purgeCache } from "@netlify/functions";
import { cacheTagOf } from "../cache.ts";
import { env } from "../env.ts";
import type { Purger } from "./types.ts";

export const netlify: Purger = {
  host: "Netlify",
  active: () => Boolean(env("NETLIFY_PURGE_API_TOKEN")),
  async purge(paths) {
    // NETLIFY_PURGE_API_URL: another API than Netlify's (a test server).
    const apiURL = env("NETLIFY_PURGE_API_URL");
    await purgeCache({ tags: paths.map(cacheTagOf), ...(apiURL ? { apiURL } : {}) });
  },
};
