// Algolia's settings as the build reads them: the index step (admin key, secret) and the search
// page (the search-only key, public: it is in the page).
import { loadLocalEnv } from "@repo/content";

/** Algolia's `hosts` option from ALGOLIA_HOSTS ("127.0.0.1:8080", comma-separated; http), for a test server. */
export interface AlgoliaHost {
  url: string;
  accept: "read" | "write" | "readWrite";
  protocol: "http" | "https";
}

export function algoliaSettings() {
  loadLocalEnv();
  const env = (name: string) => process.env[name] || undefined;
  const hosts = env("ALGOLIA_HOSTS")
    ?.split(",")
    .map((url): AlgoliaHost => ({ url: url.trim(), accept: "readWrite", protocol: "http" }));
  return {
    appId: env("ALGOLIA_APP_ID"),
    searchKey: env("ALGOLIA_SEARCH_KEY"),
    adminKey: env("ALGOLIA_ADMIN_KEY"),
    indexName: env("ALGOLIA_INDEX_NAME") ?? "site",
    hosts,
  };
}
