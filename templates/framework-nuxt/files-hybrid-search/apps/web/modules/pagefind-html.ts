import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { defineNuxtModule } from "nuxt/kit";

// Post pages render on request, so they are not among the files the build writes, which is what
// Pagefind reads. While the pages pre-render, this keeps a copy of each one, posts included, in
// .output/pagefind-html, and indexes them into the site's public folder before the server is built:
// the server only serves the files it finds there at build time (in .output/public locally, in
// Vercel's or Netlify's own output folder on those hosts). The turbo task `index` writes the same
// index again from the same pages (pagefind.json). Nuxt loads every module in modules/ by itself.
export default defineNuxtModule({
  meta: { name: "pagefind-html" },
  setup(_options, nuxt) {
    if (nuxt.options.dev) return;
    const to = join(nuxt.options.rootDir, ".output/pagefind-html");
    nuxt.hook("nitro:init", (nitro) => {
      rmSync(to, { recursive: true, force: true });
      nitro.hooks.hook("prerender:generate", (route) => {
        if (route.error || !route.fileName?.endsWith(".html") || route.contents === undefined) return;
        const file = join(to, route.fileName);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, route.contents);
      });
      nitro.hooks.hook("prerender:done", async () => {
        const pagefind = await import("pagefind");
        const { index } = await pagefind.createIndex({});
        await index?.addDirectory({ path: to });
        const outputPath = join(nitro.options.output.publicDir, "pagefind");
        await index?.writeFiles({ outputPath });
        await pagefind.close();
        nitro.logger.info(`Pagefind index in ${outputPath}`);
      });
    });
  },
});
