import { defineModule } from "../../create-jam/src/engine/define.ts";
import { sectionRoutes } from "../shared/sections.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "nuxt",
  kind: "framework",
  // Its route for each page section another module adds (files-sections/, __section__ in the path).
  derive: sectionRoutes(),
  label: "Nuxt",
  hint: "Vue, pages pre-rendered to HTML with no client JavaScript",
  // Nuxt 4.5's engines: ^22.19 || ^24.11.
  node: "22.19.0",
  when: [
    { with: ["search:pagefind"], files: "files-search" },
    // `nuxt generate` pre-renders every page with the static preset (nuxt.config.ts).
    { with: ["rendering:static"], workspaces: { "apps/web": { scripts: { build: "nuxt generate" } } } },
    {
      // nuxt.config.ts: post pages render on request (routeRules isr on Vercel and Netlify, CDN cache
      // headers from the Node server) and server/api/[...path].ts (packages/functions, through fromWebHandler) answers every request; the rest is pre-rendered.
      // Nitro picks its preset from the build's environment (the host's, else node-server); the hosts'
      // deploy modules add their part of nuxt.config.ts (serverConfig).
      with: ["rendering:hybrid"],
      files: "files-hybrid",
      workspaces: { "apps/web": { scripts: { build: "nuxt build", start: "node .output/server/index.mjs" } } },
      data: { outDir: ".output/public", start: "node .output/server/index.mjs", vercelOutputDirectory: null, pageSecurity: { hook: "html", file: "apps/web/server/plugins/security.ts" } },
      readme: `## Nuxt: hybrid

Every page is pre-rendered except the post pages (\`app/pages/posts/[slug].vue\`) and \`server/api/[...path].ts\`, which mounts every route of \`packages/functions\` through \`fromWebHandler\` (\`GET /api/entries\`, the posts as JSON, and whatever the other modules add), which the server renders on request. \`routeRules\` in \`nuxt.config.ts\` keep a post page 60 s, then regenerate it in the background on the next request that finds it stale (ISR on Vercel and Netlify; the Node server and a Cloudflare Worker render them on every request and sends \`Cache-Control: s-maxage=60, stale-while-revalidate\` for a CDN in front). Nitro picks its preset from the build's environment (Vercel's, Netlify's, Cloudflare's with \`WORKERS_CI\`, or a Node server); locally \`pnpm --filter web start\` runs that server (\`PORT\`, \`HOST\`).`,
    },
    {
      // Post pages are not written as files: modules/pagefind-html.ts keeps a copy of every page
      // for Pagefind while they pre-render.
      with: ["rendering:hybrid", "search:pagefind"],
      files: "files-hybrid-search",
      data: { pagefind: { site: ".output/pagefind-html", output_path: ".output/public/pagefind" } },
    },
  ],
  workspaces: {
    "apps/web": {
      dependencies: ["nuxt", "vue", "vue-router"],
      devDependencies: ["@types/node", "typescript", "vue-tsc"],
      scripts: {
        dev: "nuxt dev",
        preview: "nuxt preview",
        "check-types": "nuxt typecheck",
        lint: "biome lint .",
      },
    },
  },
  // Used where knip does not look: Vue and its router by the code Nuxt generates, vue-tsc by `nuxt
  // typecheck`, the theme's stylesheet by its package path in nuxt.config.ts's `css`.
  knip: { "apps/web": { ignoreDependencies: ["@repo/theme", "vue", "vue-router", "vue-tsc"] } },
  turbo: { tasks: { build: { outputs: [".output/**"] } } },
  // dist: a link to .output/public after `nuxt generate`, the static files of Nitro's Netlify preset.
  gitignore: [".output/", ".nuxt/", ".nitro/", ".data/", "dist"],
  // Vite 8.4 (rolldown 1.3) beside the rolldown 1.2 that Nuxt's own packages pull in fails the server
  // build (EXTERNAL_MODULES_CANNOT_BE_TRANSFORMED_TO_MODULES on unctx): the whole tree stays on the
  // tested Vite until a Nuxt release moves with it.
  overrides: ["vite"],
  allowBuilds: { esbuild: true },
  // mountsFunctions: the post page imports @repo/functions/cache (its cache tag), static or hybrid.
  data: { publicDir: "public", outDir: ".output/public", vercelFramework: "nuxtjs", devPort: 3000, mountsFunctions: true },
  readme: `## Nuxt

Pages (\`app/pages/\`) read \`@repo/content\` through server routes (\`server/api/content/\`) with \`useFetch\`: the build renders the answers into the pre-rendered HTML, and the browser never fetches them. \`features.noScripts\` in \`nuxt.config.ts\` leaves Nuxt's own JavaScript out of the pages, so they ship as plain HTML and CSS; remove it when a page needs Vue in the browser (client-side navigation, interactive components).`,
});
