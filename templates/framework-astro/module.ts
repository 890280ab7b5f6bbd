import { defineModule } from "../../create-jam/src/engine/define.ts";
import { sectionRoutes } from "../shared/sections.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "astro",
  kind: "framework",
  // Its route for each page section another module adds (files-sections/, __section__ in the path).
  derive: sectionRoutes(),
  label: "Astro",
  hint: "static HTML, zero JavaScript by default",
  node: "22.12.0",
  when: [
    { with: ["search:pagefind"], files: "files-search" },
    // The post page is pre-rendered (static) or rendered on request (hybrid).
    { with: ["rendering:static"], files: "files-static" },
    {
      // astro.config.mjs adds the adapter of the host that builds (its deploy module's serverConfig;
      // a Node server locally); post pages
      // and src/pages/api/[...path].ts (every route of packages/functions) render on request, every other page is pre-rendered.
      with: ["rendering:hybrid"],
      files: "files-hybrid",
      workspaces: { "apps/web": { dependencies: ["@astrojs/node"], scripts: { start: "node dist/server/entry.mjs" } } },
      // The Node server is the adapter's last choice; its import sorts among the hosts'.
      serverConfig: { imports: ['import node from "@astrojs/node";'] },
      data: { outDir: "dist/client", start: "node dist/server/entry.mjs", vercelOutputDirectory: null, pageSecurity: { hook: "response", file: "apps/web/src/middleware.ts" } },
      readme: `## Astro: hybrid

Every page is pre-rendered except the post pages (\`src/pages/posts/[slug].astro\`) and \`src/pages/api/[...path].ts\`, which mounts every route of \`packages/functions\` (\`GET /api/entries/\`, the posts as JSON, and whatever the other modules add), which say \`export const prerender = false\` and render on request. A post page sends \`Cache-Control: s-maxage=60, stale-while-revalidate\`: the host's CDN keeps it a minute, then serves it stale while it renders a fresh one. \`astro.config.mjs\` picks the adapter from the build's environment (Vercel's, Netlify's, Cloudflare's with \`WORKERS_CI\`, or a Node server); locally \`pnpm --filter web start\` runs that server (\`PORT\`, \`HOST\`).`,
    },
    {
      // Post pages are not pre-rendered HTML: integrations/pagefind.mjs (in astro.config.mjs) gathers
      // what Pagefind indexes at the end of the build.
      with: ["rendering:hybrid", "search:pagefind"],
      files: "files-hybrid-search",
      data: { pagefind: { site: "dist/pagefind-html", output_path: "dist/client/pagefind" } },
    },
  ],
  workspaces: {
    "apps/web": {
      dependencies: ["astro"],
      devDependencies: ["@astrojs/check", "@types/node", "typescript"],
      scripts: {
        dev: "astro dev",
        build: "astro build",
        preview: "astro preview",
        "check-types": "astro check",
        lint: "biome lint .",
      },
    },
  },
  turbo: { tasks: { build: { outputs: ["dist/**"] } } },
  gitignore: ["dist/", ".astro/"],
  // @astrojs/check's wasm runtime accepts @emnapi 1.x or a 2.0 beta for its peers; the beta breaks
  // `astro check` (which then exits 0 after printing an error), so both stay on 1.x.
  overrides: ["@emnapi/core", "@emnapi/runtime"],
  // sharp's install script would download libvips; its prebuilt package is enough for Astro.
  allowBuilds: { esbuild: true, sharp: false },
  data: { publicDir: "public", outDir: "dist", vercelFramework: "astro", devPort: 4321 },
});
