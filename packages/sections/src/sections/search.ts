// /search/ with Algolia: a search box that works as a plain form, and a small custom element that
// queries Algolia with the search-only key. Its script (/_jam/algolia-search.js, built from
// widgets/algolia-search.ts) is fetched on the first focus of the box, not with the page.
import { algoliaSettings } from "../algolia.ts";
import { escapeHtml } from "../html.ts";
import type { SectionPage } from "../types.ts";

export async function pages(): Promise<SectionPage[]> {
  const { appId, searchKey, indexName, hosts } = algoliaSettings();
  const body = !appId || !searchKey
    ? `<p class="notice">Search is not configured yet: this site has no ALGOLIA_APP_ID and ALGOLIA_SEARCH_KEY.</p>`
    : `<jam-search data-app-id="${escapeHtml(appId)}" data-api-key="${escapeHtml(searchKey)}" data-index-name="${escapeHtml(indexName)}"${hosts ? ` data-hosts="${escapeHtml(hosts.map((h) => h.url).join(","))}"` : ""}>
<form role="search" action="/search/"><label>Search the site <input type="search" name="q" autocomplete="off"></label></form>
<ol class="hits" aria-live="polite"></ol>
</jam-search>
<script type="module">
const box = document.querySelector("jam-search input");
const load = () => import("/_jam/algolia-search.js");
box?.addEventListener("focus", load, { once: true });
if (new URLSearchParams(location.search).get("q")) load();
</script>`;
  return [{ path: "/search/", title: "Search", description: "Search the posts, pages and products.", html: `<h1>Search</h1>\n${body}` }];
}
