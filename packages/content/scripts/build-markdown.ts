// Turns content/**/*.md into .generated/markdown.json: typed data every bundler can import,
// with the HTML rendered once here instead of in each framework.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readEntries } from "./read-markdown.ts";

const root = join(import.meta.dirname, "..");
const entries = readEntries(join(root, "content"));
mkdirSync(join(root, ".generated"), { recursive: true });
writeFileSync(join(root, ".generated", "markdown.json"), `${JSON.stringify(entries, null, 2)}\n`);
console.log(`content: ${entries.length} Markdown entries -> .generated/markdown.json`);
