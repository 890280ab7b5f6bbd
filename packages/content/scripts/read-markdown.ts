// Reads content/<collection>/*.md (frontmatter + Markdown) into entries with the HTML rendered.
import matter from "gray-matter";
import { marked } from "marked";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Collection, Entry } from "../src/types.ts";

const collections: Collection[] = ["posts", "pages"];

function toDate(value: unknown, file: string): string {
  const d = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(d.getTime())) throw new Error(`${file}: frontmatter "date" is not a date`);
  return d.toISOString().slice(0, 10);
}

export function readEntries(dir: string): Entry[] {
  const entries: Entry[] = [];
  for (const collection of collections) {
    const folder = join(dir, collection);
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".md")).sort()) {
      const { data, content } = matter(readFileSync(join(folder, file), "utf8"));
      if (typeof data.title !== "string") throw new Error(`${collection}/${file}: frontmatter needs a "title"`);
      entries.push({
        collection,
        slug: file.replace(/\.md$/, ""),
        title: data.title,
        description: typeof data.description === "string" ? data.description : "",
        date: toDate(data.date ?? "1970-01-01", `${collection}/${file}`),
        tags: Array.isArray(data.tags) ? data.tags.map(String) : [],
        html: marked.parse(content, { async: false }),
      });
    }
  }
  return entries;
}


/** content/ -> .generated/markdown.json under the package folder `root`: what the Markdown provider imports. */
export function writeMarkdownJson(root: string): Entry[] {
  const entries = readEntries(join(root, "content"));
  mkdirSync(join(root, ".generated"), { recursive: true });
  writeFileSync(join(root, ".generated", "markdown.json"), `${JSON.stringify(entries, null, 2)}\n`);
  return entries;
}
