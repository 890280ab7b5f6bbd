import { ENTRY_TTL } from "./cache.ts";
import { purgers } from "./purgers.ts";
import type { Platform } from "./types.ts";

/**
 * For hybrid frameworks that keep no page cache of their own (Astro, SvelteKit, Nuxt): their entry
 * pages render on request, and a host keeps a copy for ENTRY_TTL seconds (ISR expiration, or
 * s-maxage). After a content change the host the code runs on drops its copies (purge/*.ts); a
 * server without such a host has none to drop, and a CDN in front of it expires them within the TTL.
 */
export const renderedOnRequest: Platform = {
  // The frameworks' files-hybrid folders render post pages on request; the home page and pages
  // stay pre-rendered (each framework's hybrid config).
  rendersOnRequest: (path) => path.startsWith("/posts/"),
  async revalidate(paths, request) {
    const here = purgers.filter((p) => p.active());
    if (!here.length) {
      console.log(`revalidate: ${paths.join(", ")} render on request; cached copies expire within ${ENTRY_TTL} s.`);
      return;
    }
    await Promise.all(here.map((p) => p.purge(paths, request)));
  },
};
