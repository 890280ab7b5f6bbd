// The content package's build in a stack with a CMS: the bundled demo content first (what the site
// shows while the CMS is not configured), then the CMS itself, asked once for every entry so that
// a misconfigured or failing CMS stops the build here, with one sentence, before any page is built.
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
    const [posts, pages] = await Promise.all([provider.listEntries("posts"), provider.listEntries("pages")]);
    console.log(`content: ${posts.length} posts and ${pages.length} pages from ${provider.source}.`);
  } catch (error) {
    console.error(`content: ${(error as Error).message} Check its variables in .env.example; unset them to build with the demo content.`);
    process.exit(1);
  }
}
