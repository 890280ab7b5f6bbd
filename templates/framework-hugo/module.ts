import { defineModule } from "../../create-jam/src/engine/define.ts";
import { sectionRoutes } from "../shared/sections.ts";
import pkg from "./package.json" with { type: "json" };

/** Hosts build with this Hugo; the templates are tested with it and with the oldest supported, 0.111.3 (Debian 12). */
const hugoVersion = "0.169.0";

export default defineModule(pkg, {
  id: "hugo",
  kind: "framework",
  // Its route for each page section another module adds (files-sections/, __section__ in the path).
  derive: sectionRoutes(),
  label: "Hugo",
  hint: "Go templates to static HTML, no client JavaScript; needs the hugo binary (0.111+)",
  // The build scripts around Hugo (content export, runner) are TypeScript run by plain node.
  node: "22.18.0",
  rules: [{ kind: "rendering", ids: ["static"], why: "Hugo writes static files only" }],
  when: [
    { with: ["search:pagefind"], files: "files-search" },
  ],
  workspaces: {
    "apps/web": {
      devDependencies: ["@types/node", "typescript", "@repo/typescript-config"],
      scripts: {
        content: "node scripts/export-content.ts",
        dev: "node scripts/hugo.ts server --port 1313",
        build: "node scripts/hugo.ts --cleanDestinationDir",
        preview: "node scripts/preview.ts",
        "check-types": "tsc --noEmit",
        lint: "biome lint .",
      },
    },
  },
  turbo: {
    tasks: {
      // Hugo reads no TypeScript: `content` writes @repo/content's entries to content/ first. Packages
      // without a `content` script (the content package) have nothing to run for it.
      // It also copies @repo/theme's stylesheet to assets/theme/ (a dependency: a change reruns it).
      content: { dependsOn: ["^build"], outputs: ["content/**", "assets/theme/**"] },
      build: { dependsOn: ["content"], outputs: ["public/**"] },
    },
  },
  // Scoped: packages/content/content/ holds the Markdown sources.
  gitignore: ["apps/web/content/", "apps/web/assets/theme/", "apps/web/public/", "apps/web/resources/_gen/", "apps/web/.hugo_build.lock"],
  // contentTasks: tasks besides the build that read @repo/content (a remote source turns off their cache).
  data: { publicDir: "static", outDir: "public", vercelFramework: "hugo", devPort: 1313, contentTasks: ["content"], netlifyEnvironment: { HUGO_VERSION: hugoVersion },
    // The generated CI installs the same Hugo (templates/base/ci-workflow.ts).
    ciSteps: [{ name: "Set up Hugo", uses: "peaceiris/actions-hugo@v3", with: { "hugo-version": hugoVersion, extended: true } }],
  },
  readme: `## Framework: Hugo

Hugo is a single binary, not a dependency of the project: install it once (0.111 or newer) with \`brew install hugo\`, \`sudo apt-get install hugo\` (Debian 12 or newer), \`winget install Hugo.Hugo.Extended\` or from gohugo.io/installation; \`pnpm build\` says so when it is missing, and \`HUGO_BIN\` may name the binary. From npm instead: \`pnpm --filter web add -D hugo-extended\` and \`hugo-extended: true\` under \`allowBuilds\` in \`pnpm-workspace.yaml\` (its install script downloads the binary).

Hugo reads no TypeScript, so the turbo task \`content\` (\`apps/web/scripts/export-content.ts\`) first writes every entry of \`@repo/content\` to \`apps/web/content/\` (generated and gitignored: edit \`packages/content\`), one file each whose front matter holds the title, description, date and the HTML body the content package rendered. It also copies the stylesheet of \`@repo/theme\` (\`packages/theme/site.css\`) to \`apps/web/assets/theme/\` (generated too), which \`layouts/_default/baseof.html\` inlines into every page. The layouts in \`apps/web/layouts/\` turn them into plain HTML in \`apps/web/public/\`, with no client JavaScript. Site title and description are in \`apps/web/hugo.toml\`. \`pnpm dev\` runs \`hugo server\` and re-exports the content and the stylesheet when they change; \`pnpm --filter web preview\` serves the last build.`,
});
