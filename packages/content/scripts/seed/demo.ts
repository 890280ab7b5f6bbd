// The bundled demo content as `pnpm seed` sends it: frontmatter fields, the body as a small block
// model that each CMS's writer turns into its own rich text, and each product's image as bytes.
import matter from "gray-matter";
import { marked, type Token, type Tokens } from "marked";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { membersFlag } from "../../src/members-flag.ts";

type Mark = "strong" | "em" | "code";
export interface Span {
  text: string;
  marks: Mark[];
  href?: string;
}
export type Block =
  | { type: "paragraph" | "quote"; spans: Span[] }
  | { type: "heading"; level: number; spans: Span[] }
  | { type: "list"; ordered: boolean; items: Span[][] }
  | { type: "code"; lang: string; text: string };

export type Kind = "post" | "page" | "product";

interface Common {
  slug: string;
  description: string;
  body: Block[];
}
interface SeedEntry extends Common {
  kind: "post" | "page";
  title: string;
  date: string;
  tags: string[];
  members: boolean;
}
interface SeedImage {
  filename: string;
  contentType: string;
  bytes: Buffer;
}
interface SeedProduct extends Common {
  kind: "product";
  name: string;
  price: number;
  currency: string;
  image?: SeedImage;
}
export type SeedItem = SeedEntry | SeedProduct;

function spans(tokens: Token[] | undefined, marks: Mark[] = [], href?: string): Span[] {
  const out: Span[] = [];
  for (const t of tokens ?? []) {
    const span = (text: string, m = marks) => out.push({ text, marks: m, ...(href ? { href } : {}) });
    if (t.type === "strong" || t.type === "em") out.push(...spans((t as Tokens.Strong).tokens, [...marks, t.type], href));
    else if (t.type === "link") out.push(...spans((t as Tokens.Link).tokens, marks, (t as Tokens.Link).href));
    else if (t.type === "codespan") span((t as Tokens.Codespan).text, [...marks, "code"]);
    else if (t.type === "br") span("\n");
    else if ("tokens" in t && t.tokens?.length) out.push(...spans(t.tokens, marks, href));
    else if ("text" in t) span(String(t.text).replace(/\n/g, " "));
  }
  return out;
}

/** Markdown -> blocks: what the demo content uses (paragraphs, headings, lists, quotes, code). */
function toBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const t of marked.lexer(markdown)) {
    if (t.type === "paragraph") blocks.push({ type: "paragraph", spans: spans(t.tokens) });
    else if (t.type === "heading") blocks.push({ type: "heading", level: t.depth, spans: spans(t.tokens) });
    else if (t.type === "list") blocks.push({ type: "list", ordered: t.ordered, items: (t as Tokens.List).items.map((i) => spans(i.tokens)) });
    else if (t.type === "code") blocks.push({ type: "code", lang: t.lang ?? "", text: t.text });
    else if (t.type === "blockquote") blocks.push({ type: "quote", spans: spans(t.tokens) });
  }
  return blocks;
}

const TYPES: Record<string, string> = { ".svg": "image/svg+xml", ".png": "image/png", ".webp": "image/webp", ".jpg": "image/jpeg", ".jpeg": "image/jpeg" };

function read(folder: string) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((file) => ({ file, slug: file.replace(/\.md$/, ""), ...matter(readFileSync(join(folder, file), "utf8")) }));
}

const day = (value: unknown) => (value instanceof Date ? value : new Date(String(value ?? "1970-01-01"))).toISOString().slice(0, 10);

/** content/posts, content/pages and (with commerce) content/products, under `dir`. */
export function demoContent(dir: string): SeedItem[] {
  const entries = (["post", "page"] as const).flatMap((kind) =>
    read(join(dir, `${kind}s`)).map(({ file, slug, data, content }): SeedEntry => ({
      kind,
      slug,
      title: String(data.title),
      description: typeof data.description === "string" ? data.description : "",
      date: day(data.date),
      tags: Array.isArray(data.tags) ? data.tags.map(String) : [],
      members: membersFlag(data.members, `${kind}s/${file}`),
      body: toBlocks(content),
    })),
  );
  const products = read(join(dir, "products")).map(({ slug, data, content }): SeedProduct => {
    const image = typeof data.image === "string" && !/^https?:/.test(data.image) ? data.image : undefined;
    return {
      kind: "product",
      slug,
      name: String(data.name),
      description: typeof data.description === "string" ? data.description : "",
      price: Number(data.price),
      currency: String(data.currency).toLowerCase(),
      ...(image ? { image: { filename: image, contentType: TYPES[extname(image)] ?? "application/octet-stream", bytes: readFileSync(join(dir, "products", image)) } } : {}),
      body: toBlocks(content),
    };
  });
  return [...entries, ...products];
}
