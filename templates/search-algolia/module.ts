import { defineModule } from "../../create-jam/src/engine/define.ts";
import pkg from "./package.json" with { type: "json" };

// The search page is a page section (packages/sections/src/sections/search.ts), so no framework
// module has a template for it. Its script is bundled into the framework's public folder
// (framework data publicDir) by a step of the sections build; the index is written by the turbo
// task `index` after the site's build, like Pagefind's.
export default defineModule(pkg, {
  id: "algolia",
  kind: "search",
  label: "Algolia",
  hint: "hosted search: the index is updated after each build; the box loads on focus",
  sections: [{ id: "search", nav: "Search" }],
  packages: [{ from: "sections", to: "packages/sections", include: ["src/algolia.ts", "src/sections/search.ts", "scripts/algolia-index.ts", "widgets/algolia-search.ts"] }],
  widgets: [{ name: "algolia-search", what: "search: the search box's script" }],
  // The search box queries Algolia's hosts (or ALGOLIA_HOSTS, a test server), for the pages' policy.
  csp: { "connect-src": ["https://*.algolia.net", "https://*.algolianet.com", "$ALGOLIA_HOSTS"] },
  workspaces: {
    "packages/sections": {
      dependencies: ["algoliasearch"],
      scripts: { index: "node scripts/algolia-index.ts" },
    },
  },
  turbo: {
    tasks: {
      // After the site's build (a failed build pushes nothing); never cached: it changes a remote index.
      index: { dependsOn: ["build", "web#build"], cache: false },
    },
    alsoOnBuild: ["index"],
  },
  env: [
    { name: "ALGOLIA_APP_ID", visibility: "public", description: "the application's id (dashboard › Settings › API Keys): with the keys, the build updates the index and /search/ queries it" },
    { name: "ALGOLIA_SEARCH_KEY", visibility: "public", description: "the search-only API key: it is in the search page" },
    { name: "ALGOLIA_ADMIN_KEY", visibility: "secret", description: "a key that may write the index and its <index>_tmp_* copies (the Admin API key, or one with addObject, deleteIndex, settings): used by the build's index step only" },
    { name: "ALGOLIA_INDEX_NAME", visibility: "public", description: "the index", example: "site" },
    { name: "ALGOLIA_HOSTS", visibility: "public", description: "other hosts than Algolia's (host:port over http, comma-separated: a test server); leave empty" },
  ],
  goLive: [
    { phase: "account", do: `Create an Algolia application (the free plan is enough); the build configures its index itself.`, check: `after a build with the keys, dashboard › Index › Configuration lists \`title\`, \`description\` and \`text\` as searchable attributes.` },
    { phase: "variables", do: `Set \`ALGOLIA_APP_ID\`, \`ALGOLIA_SEARCH_KEY\`, \`ALGOLIA_ADMIN_KEY\` (secret: the build's environment only) and \`ALGOLIA_INDEX_NAME\` in \`.env\` and in the host's build settings.`, check: `\`pnpm build\` prints \`search: … records -> Algolia index "site".\`; \`/search/\` finds a post.` },
  ],
  readme: `## Search: Algolia

**Account:** an Algolia application (the free plan is enough to start). Until \`ALGOLIA_APP_ID\` and \`ALGOLIA_ADMIN_KEY\` are set, \`pnpm build\` skips the index with one line and \`/search/\` says search is not configured; with them set and Algolia failing, the build fails with one sentence naming it, the host and the index.

**How it works:** after the site's build, the turbo task \`index\` (\`packages/sections/scripts/algolia-index.ts\`) sends every post, page and product page (path, title, description, kind and the text) to the index with \`algoliasearch\`'s \`replaceAllObjects\`: a temporary copy is filled and then moved into place, so visitors never search a half-written index. The admin key is used there only, at build time; it is never in a page. \`/search/\` holds a plain search form and \`<jam-search>\`, a small custom element (\`packages/sections/widgets/algolia-search.ts\`, bundled with \`algoliasearch/lite\` into \`apps/web/<public folder>/_jam/algolia-search.js\` by the sections build) that the page imports on the first focus of the box: until then the page loads no script. It queries the index with the search-only key as the visitor types and lists the hits as links.

**Env:** \`ALGOLIA_APP_ID\`, \`ALGOLIA_SEARCH_KEY\` (public), \`ALGOLIA_ADMIN_KEY\` (secret: the build's environment only), \`ALGOLIA_INDEX_NAME\` (default \`site\`).

**Index settings:** the index step sets the index's configuration itself (searchable attributes \`title\`, \`description\` and \`text\`, in that order, and the attributes a hit carries): nothing to set in the dashboard, and a change made there is overwritten by the next build.

**What this protects, and what it does not:** the admin key stays in the build's environment (no page or bundle holds it; the e2e build checks with a canary), and browsers get the search-only key, which reads the index and nothing else. Everything in the index is public to anyone holding that key, which is every visitor: members-only bodies are never sent to it. Algolia's own per-key rate limits are set in its dashboard (API Keys › the search key › Max API calls per IP).`,
});
