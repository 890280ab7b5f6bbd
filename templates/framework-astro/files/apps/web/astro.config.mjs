// @ts-check
import { defineConfig } from "astro/config";

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  // Your production URL: Astro uses it for canonical links and sitemaps.
  site: process.env.SITE_URL,
  output: "static",
  trailingSlash: "always",
});
