// The content API the app reads. Which source answers is decided in ./provider.ts.
import { provider } from "./provider.ts";
import type { Collection, Entry, EntrySummary } from "./types.ts";

export { loadLocalEnv } from "./local-env.ts";
export type { Collection, ContentProvider, Entry, EntrySummary } from "./types.ts";

export function listEntries(collection: Collection = "posts"): Promise<EntrySummary[]> {
  return provider.listEntries(collection);
}

export function getEntry(collection: Collection, slug: string): Promise<Entry | undefined> {
  return provider.getEntry(collection, slug);
}
