import { defineModule } from "../../create-jam/src/engine/define.ts";
import { sectionRoutes } from "../shared/sections.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "sveltekit",
  kind: "framework",
  // Its route for each page section another module adds (files-sections/, __section__ in the path).
  // kit2-adapter.ts only where a host's adapter needs it (vite.config.ts imports it then).
  derive: (view) => {
    const sections = sectionRoutes()(view);
    const kit2 = view.has.rendering?.hybrid && view.serverConfig.adapter.length ? ["files-hybrid-hosts"] : [];
    return { ...sections, files: [...[sections.files ?? []].flat(), ...kit2] };
  },
  label: "SvelteKit",
  hint: "Svelte, pages pre-rendered to HTML with no client JavaScript",
  // SvelteKit 3's engines: >=22.17.
  node: "22.17.0",
  when: [
    { with: ["search:pagefind"], files: "files-search" },
    // The post page's server module differs: pre-rendered (static) or rendered on request (hybrid).
    { with: ["rendering:static"], files: "files-static", workspaces: { "apps/web": { devDependencies: ["@sveltejs/adapter-static"] } } },
    {
      // vite.config.ts picks the adapter of the host that builds (its deploy module's serverConfig,
      // through kit2-adapter.ts; a Node server locally); post pages
      // and src/routes/api/[...path]/+server.ts (packages/functions) render on request, every other page is pre-rendered.
      with: ["rendering:hybrid"],
      files: "files-hybrid",
      workspaces: { "apps/web": { devDependencies: ["@sveltejs/adapter-node"], scripts: { start: "node build" } } },
      // The Node server is the adapter's last choice; its import sorts among the hosts'.
      serverConfig: { imports: ['import node from "@sveltejs/adapter-node";'] },
      // adapter-node: build/client (assets), build/prerendered (pages), build/index.js (the server).
      // The Netlify and Cloudflare adapters take a host's _headers from the app's root, and refuse
      // one in static/ (headersDir; adapter-static copies static/ as it is).
      // knipSeesExternals: knip's Vite plugin reads the server externals from vite.config.ts.
      data: { outDir: "build/client", start: "node build", vercelOutputDirectory: null, headersDir: ".", pageSecurity: { hook: "response", file: "apps/web/src/hooks.server.ts" }, knipSeesExternals: true },
      readme: `## SvelteKit: hybrid

Every page is pre-rendered except the post pages (\`src/routes/posts/[slug]\`) and \`src/routes/api/[...path]/+server.ts\`, which mounts every route of \`packages/functions\` (\`GET /api/entries\`, the posts as JSON, and whatever the other modules add), which say \`export const prerender = false\` and render on request. On Vercel a post page is an ISR function (\`export const config = { isr: { expiration: 60 } }\`): kept 60 s, then regenerated in the background by the next request that finds it stale; elsewhere it sends \`Cache-Control: s-maxage=60, stale-while-revalidate\` for the CDN to do the same. \`vite.config.ts\` picks the adapter from the build's environment (Vercel's, Netlify's, Cloudflare's with \`WORKERS_CI\`, or a Node server); locally \`pnpm --filter web start\` runs that server (\`node build\`, \`PORT\`, \`HOST\`). SvelteKit refuses a form POST whose \`Origin\` is not the site's own (a checkout form included), and the Node server takes its own origin to be \`https://<host>\`: behind a proxy, set \`PROTOCOL_HEADER=x-forwarded-proto\`. Its adapter-node 6 no longer reads \`ORIGIN\`: to run it over plain http, give SvelteKit's \`paths: { origin: "http://localhost:3000" }\` in \`vite.config.ts\`, or every form post gets 403. The site's own JSON posts (comments) also take \`SITE_URL\`'s origin as the site's. The Vercel, Netlify and Cloudflare adapters published so far were written for SvelteKit 2: \`kit2-adapter.ts\` gives them the one adapter call SvelteKit 3 replaced; delete it once their SvelteKit 3 versions are out.`,
    },
    {
      // Post pages are not pre-rendered HTML: pagefind-html.ts (wrapping the adapter in vite.config.ts)
      // gathers what Pagefind indexes and writes the index into the client files every adapter copies.
      with: ["rendering:hybrid", "search:pagefind"],
      files: "files-hybrid-search",
      turbo: { tasks: { build: { outputs: [".svelte-kit/pagefind-html/**"] } } },
      data: { pagefind: { site: ".svelte-kit/pagefind-html", output_path: ".svelte-kit/output/client/pagefind" } },
    },
  ],
  workspaces: {
    "apps/web": {
      devDependencies: [
        "@sveltejs/kit",
        "@sveltejs/vite-plugin-svelte",
        "svelte",
        "svelte-check",
        "vite",
        "typescript",
        "@types/node",
      ],
      scripts: {
        dev: "vite dev",
        build: "vite build",
        preview: "vite preview",
        "check-types": "svelte-kit sync && svelte-check --tsconfig ./tsconfig.json",
        lint: "biome lint .",
        // As SvelteKit's own template: after an install the generated types and $app/tsconfig are
        // there for every tool that reads tsconfig.json (the editor, knip loading vite.config.ts).
        prepare: "svelte-kit sync || echo ''",
      },
      // SvelteKit 3 has no $lib alias: src/lib is reached through Node's subpath imports (#lib/site.ts).
      fields: { imports: { "#lib/*": "./src/lib/*" } },
    },
  },
  turbo: { tasks: { build: { outputs: ["build/**"] } } },
  gitignore: ["build/", ".svelte-kit/"],
  allowBuilds: { esbuild: true },
  data: { publicDir: "static", outDir: "build", vercelFramework: "sveltekit", devPort: 5173 },
  readme: `## SvelteKit

SvelteKit 3 takes its options in \`apps/web/vite.config.ts\` (\`sveltekit({ adapter, ... })\`): there is no \`svelte.config.js\`, and no \`$lib\` alias; \`src/lib\` is imported as \`#lib/...\` through the \`imports\` field of \`apps/web/package.json\`. \`src/routes/+layout.ts\` pre-renders every page with trailing-slash URLs and turns client-side rendering off (\`csr = false\`), so the pages ship no JavaScript; set it to \`true\` for client-side navigation and interactive components. \`svelte-kit sync\` (run by \`pnpm install\`, \`vite dev\`, \`vite build\` and \`pnpm check-types\`) writes the generated types and the \`$app/tsconfig\` that \`tsconfig.json\` extends.`,
});
