// <jam-search> (a browser module: tsconfig.json has the DOM library for widgets/): queries Algolia as the visitor types (search-only key, from its data attributes)
// and lists the hits as links. Bundled by scripts/steps/widgets.ts into the site's public
// folder as /_jam/algolia-search.js, which /search/ imports on the first focus of its box.
import { liteClient } from "algoliasearch/lite";

interface Hit {
  objectID: string;
  path: string;
  title: string;
  description?: string;
}

class JamSearch extends HTMLElement {
  connectedCallback() {
    const { appId = "", apiKey = "", indexName = "site", hosts } = this.dataset;
    const client = liteClient(appId, apiKey, hosts ? { hosts: hosts.split(",").map((url) => ({ url, accept: "read" as const, protocol: "http" as const })) } : {});
    const input = this.querySelector("input");
    const list = this.querySelector(".hits");
    if (!input || !list) return;
    let latest = 0;
    const run = async () => {
      const query = input.value.trim();
      const mine = ++latest;
      if (!query) return list.replaceChildren();
      const { results } = await client.searchForHits<Hit>({ requests: [{ indexName, query, hitsPerPage: 10 }] });
      if (mine !== latest) return;
      const hits = results[0]?.hits ?? [];
      list.replaceChildren(
        ...hits.map((hit) => {
          const item = document.createElement("li");
          const link = Object.assign(document.createElement("a"), { href: hit.path, textContent: hit.title });
          item.append(link);
          if (hit.description) item.append(Object.assign(document.createElement("p"), { textContent: hit.description }));
          return item;
        }),
      );
      if (!hits.length) list.replaceChildren(Object.assign(document.createElement("li"), { textContent: `Nothing found for “${query}”.` }));
    };
    input.addEventListener("input", run);
    this.querySelector("form")?.addEventListener("submit", (event) => {
      event.preventDefault();
      void run();
    });
    // What was typed while this script loaded, or ?q= from the plain form's submit.
    const q = new URLSearchParams(location.search).get("q");
    if (q && !input.value) input.value = q;
    if (input.value) void run();
  }
}

customElements.define("jam-search", JamSearch);
