// Vercel's on-demand ISR: a GET or HEAD of a page with `x-prerender-revalidate: <bypass token>`
// makes its ISR function render it afresh and cache that (the adapters of Astro, SvelteKit and Nuxt
// write VERCEL_BYPASS_TOKEN into the ISR functions' config at build).
import { env } from "../env.ts";
import type { Purger } from "./types.ts";

export const vercel: Purger = {
  host: "Vercel",
  // Vercel sets VERCEL=1 in its functions' environment.
  active: () => env("VERCEL") === "1",
  async purge(paths, request) {
    const token = env("VERCEL_BYPASS_TOKEN");
    if (!token) throw new Error("VERCEL_BYPASS_TOKEN is not set: set it (32 or more random characters) for builds and functions");
    const origin = new URL(request.url).origin;
    const answers = await Promise.all(
      paths.map(async (path) => {
        const res = await fetch(new URL(path, origin), { method: "HEAD", headers: { "x-prerender-revalidate": token } });
        return { path, status: res.status };
      }),
    );
    const failed = answers.filter((a) => a.status >= 500);
    if (failed.length) throw new Error(`Vercel did not regenerate ${failed.map((f) => `${f.path} (${f.status})`).join(", ")}`);
  },
};
