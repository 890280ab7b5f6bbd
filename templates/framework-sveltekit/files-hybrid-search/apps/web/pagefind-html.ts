// Post pages render on request, so they are not among the pages the build pre-renders, which is
// what Pagefind reads. This wraps the adapter (vite.config.ts): before it runs, it gathers what
// Pagefind should index into .svelte-kit/pagefind-html (the pre-rendered pages, and each post at its
// URL with what its page shows in <article data-pagefind-body>, as src/routes/posts/[slug]) and
// indexes it into the app's client files, which every adapter then copies to what it serves (the
// Node server's build/client, Vercel's and Netlify's static output). The turbo task `index` writes
// the same index again from the same pages (pagefind.json).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Adapter } from "@sveltejs/kit";

const text = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function withPagefind(adapter: Adapter): Adapter {
  return {
    ...adapter,
    async adapt(builder) {
      const to = builder.getBuildDirectory("pagefind-html");
      rmSync(to, { recursive: true, force: true });
      builder.writePrerendered(to);
      // Imported here, when the build has made the content: loading vite.config.ts (svelte-kit sync
      // after an install, knip, an editor) must not need it.
      const { getEntry, listEntries } = await import("@repo/content");
      for (const { slug } of await listEntries("posts")) {
        const post = await getEntry("posts", slug);
        if (!post) continue;
        mkdirSync(join(to, "posts", slug), { recursive: true });
        const article = `<h1>${text(post.title)}</h1><p><time datetime="${post.date}">${post.date}</time></p>${post.html}`;
        const html = `<!doctype html><html lang="en"><head><title>${text(post.title)}</title></head><body><article data-pagefind-body>${article}</article></body></html>\n`;
        writeFileSync(join(to, "posts", slug, "index.html"), html);
      }
      const pagefind = await import("pagefind");
      const { index } = await pagefind.createIndex({});
      await index?.addDirectory({ path: to });
      await index?.writeFiles({ outputPath: join(builder.getClientDirectory(), "pagefind") });
      await pagefind.close();
      builder.log.minor(`Pagefind index of ${to} in the client files`);
      await adapter.adapt(builder);
    },
  };
}
