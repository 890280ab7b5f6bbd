import { defineModule } from "../../create-jam/src/engine/define.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "gatsby",
  kind: "framework",
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
  when: [{ with: ["search:pagefind"], files: "files-search" }],
  workspaces: {
    "apps/web": {
      dependencies: ["gatsby", "react", "react-dom"],
      devDependencies: ["@types/node", "@types/react", "@types/react-dom", "typescript", "@repo/typescript-config"],
      scripts: {
        dev: "gatsby develop",
        build: "gatsby build",
        preview: "gatsby serve",
        "check-types": "tsc --noEmit",
        lint: "biome lint .",
      },
      // Gatsby writes CommonJS into .cache/ (its compiled gatsby-*.ts files, the page renderer) and
      // loads it with require(): in a "type": "module" package Node would read those as ESM and fail.
      fields: { type: "commonjs" },
    },
  },
  turbo: { tasks: { build: { outputs: ["public/**"] } } },
  gitignore: ["public/", ".cache/"],
  // Install scripts Gatsby's tree runs (native file watcher, lmdb cache, core-js notices...). sharp's
  // would download libvips from GitHub; nothing here processes images.
  allowBuilds: {
    "@parcel/watcher": true,
    "core-js": true,
    "core-js-pure": true,
    "es5-ext": true,
    gatsby: true,
    "gatsby-cli": true,
    lmdb: true,
    "msgpackr-extract": true,
    sharp: false,
  },
  data: { outDir: "public", vercelFramework: "gatsby", devPort: 8000 },
  readme: `## Framework: Gatsby

Gatsby 5 is in maintenance upstream: this app is pinned to the release that builds here (5.16.1, with React 18, which Gatsby 5 requires). Every page is created in \`apps/web/gatsby-node.ts\` from \`@repo/content\` (each entry goes to its template as \`pageContext\`, no GraphQL) and pre-rendered to \`apps/web/public/\` by \`gatsby build\`; \`pnpm --filter web preview\` serves the build. \`apps/web/package.json\` says \`"type": "commonjs"\` because Gatsby loads the CommonJS it writes into \`.cache/\` with \`require()\`.`,
});
