// The content package's build in a stack with a CMS: the bundled demo content first (what the site
// shows while the CMS is not configured), then the CMS itself, asked once for every entry so that
// a misconfigured or failing CMS stops the build here, with one sentence, before any page is built.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { RemoteProvider } from "../src/providers/remote.ts";
import { writeMarkdownJson } from "./read-markdown.ts";

writeMarkdownJson(join(import.meta.dirname, ".."));

// Imported after the demo data exists: the provider falls back to it.
const provider = (await import("../src/provider.ts")).provider as RemoteProvider;
const missing = provider.missing();
if (missing.length) {
  console.log(`content: ${provider.source} is not configured (${missing.join(", ")} not set): building with the bundled demo content.`);
} else {
  try {
    // content/products/ is there with a commerce module: the CMS's products are checked too.
    const sells = existsSync(join(import.meta.dirname, "../content/products"));
    const [posts, pages, products] = await Promise.all([provider.listEntries("posts"), provider.listEntries("pages"), sells ? provider.listProducts() : []]);
    const counts = sells ? `${posts.length} posts, ${pages.length} pages and ${products.length} products` : `${posts.length} posts and ${pages.length} pages`;
    console.log(`content: ${counts} from ${provider.source}.`);
  } catch (error) {
    const { message, name } = error as Error;
    const fix = name === "ProductError" ? `Fix the product in ${provider.source}, or unpublish it.` : "Check its variables in .env.example; unset them to build with the demo content.";
    console.error(`content: ${message} ${fix}`);
    process.exit(1);
  }
}
