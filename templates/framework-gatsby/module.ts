import { defineModule } from "../../create-jam/src/engine/define.ts";
import { sectionRoutes } from "../shared/sections.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "gatsby",
  kind: "framework",
  // Its route for each page section another module adds (files-sections/, __section__ in the path).
  derive: sectionRoutes(),
  label: "Gatsby",
  hint: "React 18, every page pre-rendered; in maintenance upstream, pinned to 5.16.1",
  node: "18.0.0",
  rules: [
    {
      kind: "rendering",
      ids: ["static"],
      why: "Gatsby here pre-renders every page; its SSR and deferred static generation need a Gatsby-specific host runtime",
    },
  ],
  when: [
    { with: ["search:pagefind"], files: "files-search" },
  ],
  workspaces: {
    "apps/web": {
      dependencies: ["gatsby", "react", "react-dom"],
      devDependencies: ["@types/node", "@types/react", "@types/react-dom", "typescript", "@repo/typescript-config"],
      scripts: {
        dev: "gatsby develop",
        // --prefix-paths: gatsby-config.ts pathPrefix (BASE_PATH; empty at the root).
        build: "gatsby build --prefix-paths",
        preview: "gatsby serve",
        "check-types": "tsc --noEmit",
        lint: "biome lint .",
      },
      // Gatsby writes CommonJS into .cache/ (its compiled gatsby-*.ts files, the page renderer) and
      // loads it with require(): in a "type": "module" package Node would read those as ESM and fail.
      fields: { type: "commonjs" },
    },
  },
  // knip's plugin would load gatsby-node.ts, which imports the built content (not there before a
  // build) for nothing it needs: it reads gatsby-config.ts, and gatsby-node.ts is an entry as any file.
  knip: { "apps/web": { entry: ["gatsby-node.ts"], plugins: { gatsby: { config: ["gatsby-config.ts"] } } } },
  turbo: { tasks: { build: { outputs: ["public/**"] } } },
  gitignore: ["public/", ".cache/"],
  // pnpm 11 fails the install while a dependency's install script is neither allowed nor denied.
  // Allowed: the native modules (file watcher, lmdb cache and its msgpack codec), which pick their
  // prebuilt binary. Denied: banners (core-js, es5-ext, gatsby-cli), gatsby's own (it fetches the
  // latest API list, which the build reads from its package anyway) and sharp's (it would download
  // libvips from GitHub; nothing here processes images).
  allowBuilds: {
    "@parcel/watcher": true,
    lmdb: true,
    "msgpackr-extract": true,
    "core-js": false,
    "core-js-pure": false,
    "es5-ext": false,
    gatsby: false,
    "gatsby-cli": false,
    sharp: false,
  },
  data: { publicDir: "static",
    outDir: "public",
    // Vercel's "gatsby" preset wraps gatsby-node with its builder plugin, which copies public/ into
    // .vercel/output during `gatsby build`, before the search index is written: as "Other", Vercel
    // serves public/ as it is after every turbo task.
    vercelFramework: null,
    devPort: 8000,
    // Written to pagefind.json as is. Every page is <path>/index.html; Pagefind's default glob would
    // also try public/page-data/404.html/, a folder (Gatsby's data for its 404 page), and warn.
    pagefind: { site: "public", glob: "**/index.html" },
  },
  readme: `## Framework: Gatsby

Gatsby 5 is in maintenance upstream: this app is pinned to the release that builds here (5.16.1, with React 18, which Gatsby 5 requires). Every page is created in \`apps/web/gatsby-node.ts\` from \`@repo/content\` (each entry goes to its template as \`pageContext\`, no GraphQL) and pre-rendered to \`apps/web/public/\` by \`gatsby build\`; \`pnpm --filter web preview\` serves the build. \`apps/web/package.json\` says \`"type": "commonjs"\` because Gatsby loads the CommonJS it writes into \`.cache/\` with \`require()\`.`,
});
