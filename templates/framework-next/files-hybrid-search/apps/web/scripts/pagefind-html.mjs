// Pagefind takes each result's URL from the path of its HTML file. `next build` keeps the pages it
// pre-renders in .next/server/app as posts/hello-jamstack.html, a path that is not the page's URL
// (/posts/hello-jamstack/), so this copies them to paths that are (posts/hello-jamstack/index.html)
// before Pagefind runs (turbo task "pagefind-html", before "index"). pagefind.json reads this copy
// and writes the index to public/pagefind, which `next start`, Vercel and Netlify serve.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

const from = ".next/server/app";
const to = ".next/pagefind-html";

rmSync(to, { recursive: true, force: true });
for (const file of readdirSync(from, { recursive: true, encoding: "utf8" })) {
  const parts = file.split(/[\\/]/);
  // Next's own pages (_not-found, _global-error) are not part of the site.
  if (!file.endsWith(".html") || parts.some((p) => p.startsWith("_"))) continue;
  const page = file === "index.html" ? file : join(file.slice(0, -".html".length), "index.html");
  mkdirSync(dirname(join(to, page)), { recursive: true });
  copyFileSync(join(from, file), join(to, page));
}
