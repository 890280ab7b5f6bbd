// Reads content/<collection>/*.md (frontmatter + Markdown) into entries with the HTML rendered.
import matter from "gray-matter";
import { marked } from "marked";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { membersFlag } from "../src/members-flag.ts";
import type { Collection, Entry, Product } from "../src/types.ts";

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
        ...(membersFlag(data.members, `${collection}/${file}`) ? { members: true } : {}),
        html: marked.parse(content, { async: false }),
      });
    }
  }
  return entries;
}


/** An image beside the product's file, inlined (a few hundred bytes of SVG: no request, no asset pipeline). */
function imageOf(folder: string, value: unknown, file: string): string {
  if (typeof value !== "string" || !value) throw new Error(`products/${file}: frontmatter needs an "image"`);
  if (/^https?:\/\//.test(value)) return value;
  const type = value.endsWith(".svg") ? "image/svg+xml" : value.endsWith(".png") ? "image/png" : value.endsWith(".webp") ? "image/webp" : "image/jpeg";
  return `data:${type};base64,${readFileSync(join(folder, value)).toString("base64")}`;
}

/** content/products/*.md, when a commerce module brought the folder; products are sold by slug. */
export function readProducts(dir: string): Product[] {
  const folder = join(dir, "products");
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((file) => {
      const { data, content } = matter(readFileSync(join(folder, file), "utf8"));
      if (typeof data.name !== "string") throw new Error(`products/${file}: frontmatter needs a "name"`);
      if (!Number.isInteger(data.price) || data.price <= 0) throw new Error(`products/${file}: "price" must be a whole number of cents (1800 for 18.00)`);
      if (typeof data.currency !== "string" || !/^[a-z]{3}$/i.test(data.currency)) throw new Error(`products/${file}: "currency" must be an ISO 4217 code such as usd`);
      return {
        slug: file.replace(/\.md$/, ""),
        name: data.name,
        description: typeof data.description === "string" ? data.description : "",
        price: data.price,
        currency: data.currency.toLowerCase(),
        image: imageOf(folder, data.image, file),
        html: marked.parse(content, { async: false }),
      };
    });
}

/**
 * content/ -> .generated/markdown.json (entries) and .generated/products.json under the package
 * folder `root`: what the Markdown provider imports.
 */
export function writeMarkdownJson(root: string): Entry[] {
  const entries = readEntries(join(root, "content"));
  mkdirSync(join(root, ".generated"), { recursive: true });
  writeFileSync(join(root, ".generated", "markdown.json"), `${JSON.stringify(entries, null, 2)}\n`);
  writeFileSync(join(root, ".generated", "products.json"), `${JSON.stringify(readProducts(join(root, "content")), null, 2)}\n`);
  return entries;
}
