// The turbo task `index`, after the build: every post, page and product page, as Algolia records,
// replaces what the index held (replaceAllObjects: a copy filled and moved into place, so searches
// never see a half-written index), after setting the index's settings the search page needs. Admin key: secret, used only here. Without the variables it
// says so in one line and skips; with them and Algolia failing, it fails with one sentence.
import { getEntry, listEntries } from "@repo/content";
import { algoliasearch, type IndexSettings } from "algoliasearch";
import { algoliaSettings } from "../src/algolia.ts";
import { listAllSectionPages } from "../src/index.ts";

export interface SearchRecord {
  objectID: string;
  path: string;
  title: string;
  description: string;
  kind: string;
  /** The page's text, without markup, cut to stay well under Algolia's 10 kB record limit. */
  text: string;
}

/**
 * What /search/ needs of the index, set by this step so nobody sets it in the dashboard: a match in
 * the title ranks above one in the description, which ranks above one in the text (Algolia's
 * attribute criterion follows this order); the box shows path, title and description, so hits carry
 * only those. No facets: the page filters nothing.
 */
const INDEX_SETTINGS: IndexSettings = {
  searchableAttributes: ["title", "description", "text"],
  attributesToRetrieve: ["path", "title", "description", "kind"],
  attributesToSnippet: ["text:20"],
};

const textOf = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/&[a-z#0-9]+;/gi, " ").replace(/\s+/g, " ").trim().slice(0, 4000);

export async function searchRecords(): Promise<SearchRecord[]> {
  const records: SearchRecord[] = [];
  for (const collection of ["posts", "pages"] as const) {
    for (const { slug } of await listEntries(collection)) {
      const entry = await getEntry(collection, slug);
      if (!entry) continue;
      const path = collection === "posts" ? `/posts/${slug}/` : `/${slug}/`;
      records.push({ objectID: path, path, title: entry.title, description: entry.description, kind: collection === "posts" ? "post" : "page", text: textOf(entry.html) });
    }
  }
  for (const page of await listAllSectionPages()) {
    if (page.searchable) records.push({ objectID: page.path, path: page.path, title: page.title, description: page.description, kind: page.path.split("/")[1] ?? "", text: textOf(page.html) });
  }
  return records;
}

if (import.meta.main) {
  const { appId, adminKey, indexName, hosts } = algoliaSettings();
  if (!appId || !adminKey) {
    console.log(`search: ${[!appId && "ALGOLIA_APP_ID", !adminKey && "ALGOLIA_ADMIN_KEY"].filter(Boolean).join(" and ")} not set: the Algolia index is not updated, and /search/ says search is not configured.`);
  } else {
    const records = await searchRecords();
    const client = algoliasearch(appId, adminKey, hosts ? { hosts } : {});
    try {
      // Settings first: replaceAllObjects copies them to its temporary index and moves them back.
      const { taskID } = await client.setSettings({ indexName, indexSettings: INDEX_SETTINGS });
      await client.waitForTask({ indexName, taskID });
      await client.replaceAllObjects({ indexName, objects: records as unknown as Record<string, unknown>[], batchSize: 1000 });
    } catch (error) {
      const where = hosts ? hosts.map((h) => h.url).join(", ") : `${appId}.algolia.net`;
      console.error(`search: Algolia at ${where} did not take the settings and ${records.length} records of index "${indexName}": ${(error as Error).message}`);
      process.exit(1);
    }
    console.log(`search: ${records.length} records -> Algolia index "${indexName}".`);
  }
}
