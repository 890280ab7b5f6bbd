// Writes every entry of @repo/content as a Hugo content file, so Hugo renders the same posts and
// pages as the other frameworks: content/posts/<slug>.md and content/<slug>.md, each with JSON front
// matter only. The body, which the content package already rendered to HTML, is the front matter's
// `html` (layouts print it as it is): as a Markdown body Hugo would parse it again, and it reads
// .html content files only when allowed (security.allowContent, since Hugo 0.162). It also copies the
// site's stylesheet (packages/theme) to assets/theme/site.css, which layouts/_default/baseof.html
// inlines. Runs as the turbo task "content" before `hugo`. content/ and assets/theme/ are generated:
// edit the entries in packages/content and the stylesheet in packages/theme instead.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Collection, getEntry, listEntries } from "@repo/content";

const out = fileURLToPath(new URL("../content/", import.meta.url));
const css = fileURLToPath(new URL("../assets/theme/site.css", import.meta.url));
const folders: Record<Collection, string> = { posts: "posts", pages: "" };

const files = new Map<string, string>();
for (const collection of ["posts", "pages"] as const) {
  const summaries = await listEntries(collection);
  for (const [index, { slug }] of summaries.entries()) {
    const entry = await getEntry(collection, slug);
    if (!entry) throw new Error(`Entry not found: ${collection}/${slug}`);
    const path = join(folders[collection], `${slug}.md`);
    const front = {
      title: entry.title,
      description: entry.description,
      ...(entry.date ? { date: entry.date } : {}),
      url: `/${path.slice(0, -".md".length)}/`.replaceAll("\\", "/"),
      // Hugo lists pages by weight first: the order listEntries gives (posts newest first).
      weight: index + 1,
      html: entry.html,
    };
    files.set(path, `${JSON.stringify(front, null, 2)}\n`);
  }
}

// Write what changed and remove what is gone, so `hugo server` rebuilds only for real edits.
mkdirSync(out, { recursive: true });
for (const old of readdirSync(out, { recursive: true, encoding: "utf8" })) {
  if (old.endsWith(".md") && !files.has(old)) rmSync(join(out, old));
}
for (const [path, text] of files) writeChanged(join(out, path), text);
writeChanged(css, readFileSync(fileURLToPath(import.meta.resolve("@repo/theme/site.css")), "utf8"));
console.log(`Wrote ${files.size} entries of @repo/content to content/ and @repo/theme's stylesheet to assets/theme/ for Hugo.`);

function writeChanged(file: string, text: string) {
  let current: string | undefined;
  try {
    current = readFileSync(file, "utf8");
  } catch {}
  if (current === text) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
