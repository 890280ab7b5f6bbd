// Turns content/**/*.md into .generated/markdown.json: typed data every bundler can import,
// with the HTML rendered once here instead of in each framework.
import { join } from "node:path";
import { writeMarkdownJson } from "./read-markdown.ts";

const entries = writeMarkdownJson(join(import.meta.dirname, ".."));
console.log(`content: ${entries.length} Markdown entries -> .generated/markdown.json`);
