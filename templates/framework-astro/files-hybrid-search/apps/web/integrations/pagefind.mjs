// @ts-check
// Post pages render on request, so they are not among the pages `astro build` pre-renders, which is
// what Pagefind reads. At the end of the build this gathers what Pagefind should index into
// dist/pagefind-html: the pre-rendered pages, and each post at its URL with what its page shows in
// <article data-pagefind-body> (as src/pages/posts/[slug].astro). The turbo task `index` then indexes
// that folder into dist/client/pagefind (pagefind.json).
// On Vercel, the adapter copies dist/client to .vercel/output/static at the end of this same build,
// before `index` runs: there the index is written here, so that the copy has it.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { getEntry, listEntries } from "@repo/content";

/** @param {string} s */
const text = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** @returns {import("astro").AstroIntegration} */
export default function pagefindHtml() {
  return {
    name: "pagefind-html",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const client = fileURLToPath(dir);
        const to = fileURLToPath(new URL("../pagefind-html/", dir));
        rmSync(to, { recursive: true, force: true });
        for (const file of readdirSync(client, { recursive: true, encoding: "utf8" })) {
          if (!file.endsWith(".html")) continue;
          mkdirSync(dirname(join(to, file)), { recursive: true });
          copyFileSync(join(client, file), join(to, file));
        }
        for (const { slug } of await listEntries("posts")) {
          const post = await getEntry("posts", slug);
          if (!post) continue;
          mkdirSync(join(to, "posts", slug), { recursive: true });
          const article = `<h1>${text(post.title)}</h1><p><time datetime="${post.date}">${post.date}</time></p>${post.html}`;
          const html = `<!doctype html><html lang="en"><head><title>${text(post.title)}</title></head><body><article data-pagefind-body>${article}</article></body></html>\n`;
          writeFileSync(join(to, "posts", slug, "index.html"), html);
        }
        logger.info(`pages for Pagefind in ${to}`);
        if (process.env.VERCEL) {
          const pagefind = await import("pagefind");
          const { index } = await pagefind.createIndex({});
          await index?.addDirectory({ path: to });
          await index?.writeFiles({ outputPath: join(client, "pagefind") });
          await pagefind.close();
          logger.info(`Pagefind index in ${join(client, "pagefind")}`);
        }
      },
    },
  };
}
