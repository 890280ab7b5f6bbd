import { defineModule } from "../../create-jam/src/engine/define.ts";
import { sectionRoutes } from "../shared/sections.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "eleventy",
  kind: "framework",
  // Its route for each page section another module adds (files-sections/, __section__ in the path).
  derive: sectionRoutes(),
  label: "Eleventy",
  hint: "Nunjucks templates to plain static HTML, no client JavaScript",
  // Eleventy itself runs on Node 18; its config imports src/site.ts, which needs Node's type stripping.
  node: "22.18.0",
  rules: [{ kind: "rendering", ids: ["static"], why: "Eleventy writes static files only" }],
  when: [{ with: ["search:pagefind"], files: "files-search" }],
  workspaces: {
    "apps/web": {
      dependencies: ["@11ty/eleventy"],
      devDependencies: ["@11ty/eleventy-dev-server", "@types/node", "typescript", "@repo/typescript-config"],
      scripts: {
        // Eleventy rebuilds on its own when src/ changes. @repo/content's data is a module Node has
        // already imported, so when `pnpm dev` rewrites it (a Markdown edit) Eleventy restarts instead.
        dev: "node --watch-path=../../packages/content/.generated node_modules/@11ty/eleventy/cmd.cjs --serve --port=8080",
        build: "eleventy",
        // Serves the last build as it is (with its search index), where `dev` rebuilds from src/.
        preview: "eleventy-dev-server --dir=_site --port=8080",
        "check-types": "tsc --noEmit",
        lint: "biome lint .",
      },
    },
  },
  // Eleventy reads src/_data/ as global data; knip's plugin takes the input folder from the config
  // function's return value, and this config names it in its `config` export.
  knip: { "apps/web": { entry: ["src/_data/*.js"] } },
  turbo: { tasks: { build: { outputs: ["_site/**"] } } },
  gitignore: ["_site/"],
  data: { publicDir: "public", outDir: "_site", vercelFramework: "eleventy", devPort: 8080 },
  readme: `## Framework: Eleventy

\`apps/web/src/_data/entries.js\` reads every post and page from \`@repo/content\`; \`src/posts.njk\` and \`src/pages.njk\` paginate over them (one page each, \`/posts/<slug>/\` and \`/<slug>/\`) with the layout \`src/_includes/base.njk\`. \`eleventy\` writes plain HTML to \`apps/web/_site/\`, with no client JavaScript. \`pnpm check-types\` runs \`tsc\` over the config and data files (JavaScript checked through JSDoc; Eleventy ships no type declarations, so \`apps/web/eleventy.d.ts\` declares the part of its config API the config calls). \`pnpm dev\` serves on port 8080 and rebuilds on edits under \`src/\`; a content edit restarts it (Node keeps imported modules, \`@repo/content\`'s data included, for the life of the process). \`pnpm --filter web preview\` serves the last build, search index included.`,
});
