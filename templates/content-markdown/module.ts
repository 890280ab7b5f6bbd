import { defineModule } from "../../create-jam/src/engine/define.ts";
import { contentDependencies, contentDevDependencies, contentForFunctions, demoContentFiles, sanitisedHtmlReadme } from "../shared/cms.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "markdown",
  kind: "content",
  label: "Markdown files",
  hint: "posts and pages as .md files in the repo; no account needed",
  packages: [
    {
      from: "content",
      to: "packages/content",
      include: [...demoContentFiles, "scripts/build-markdown.ts"],
    },
  ],
  workspaces: {
    "packages/content": {
      what: "the typed content API (`listEntries`, `getEntry`) the site reads, and the entries as Markdown in `content/`",
      dependencies: contentDependencies,
      devDependencies: contentDevDependencies,
      scripts: {
        build: "node scripts/build-markdown.ts",
        dev: "node --watch-path=./content --watch-path=./scripts scripts/build-markdown.ts",
        "check-types": "tsc --noEmit",
        lint: "biome lint .",
      },
      fields: { exports: { ".": "./src/index.ts" } },
    },
    // A static site's host bundle has @repo/content inlined: its sanitiser resolves from here too.
    "packages/functions": { dependencies: contentDependencies },
    "apps/web": { dependencies: ["@repo/content"] },
  },
  knip: contentForFunctions([]),
  turbo: { tasks: { build: { outputs: [".generated/**"] } } },
  readme: `## Content: Markdown

Posts live in \`packages/content/content/posts/\`, pages in \`packages/content/content/pages/\`, one \`.md\` file each with frontmatter (\`title\`, \`description\`, \`date\`, \`tags\`). \`pnpm turbo gen entry\` adds one. The content package's build turns them into typed data that \`apps/web\` reads through \`listEntries()\` and \`getEntry()\` from \`@repo/content\`.

${sanitisedHtmlReadme("marked renders each file and passes raw HTML in it through (Markdown allows it), so an HTML tag or a link to any URL in a file, yours or a contributor's, would reach the page")}`,
});
