import type { Platform } from "./types.ts";

/**
 * For hybrid frameworks that keep no page cache of their own (Astro, SvelteKit, Nuxt): their entry
 * pages render on request, from the CMS, and a host's CDN keeps a copy for at most 60 s
 * (s-maxage or ISR expiration), so a change shows within that minute without a call. Purging the
 * hosts' copies at once (Vercel's bypass token, Netlify's cache tags) is not written yet.
 */
export const renderedOnRequest: Platform = {
  async revalidate(paths) {
    console.log(`revalidate: ${paths.join(", ")} render on request; hosts' cached copies expire within 60 s.`);
  },
};
