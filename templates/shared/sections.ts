// The page sections machinery (packages/sections), brought by base when any chosen module adds a
// section: the API frameworks read, the generated registry of sections, and the workspace. Each
// framework renders sections through its own files-sections folder (sectionRoutes below). With
// widgets (a module's custom element), one build step bundles each into the site's public folder.
import type { Contribution, StackView } from "../../create-jam/src/engine/types.ts";

export const sectionsMachinery = ({ sections, widgets, framework }: StackView): Contribution => {
  if (!sections.length && !widgets.length) return {};
  const publicJam = `apps/web/${framework.publicDir}/_jam`;
  return {
    packages: [
      { from: "sections", to: "packages/sections", include: ["src/index.ts", "src/types.ts", ...(sections.length ? ["src/html.ts"] : []), "scripts/build.ts", "tsconfig.json", ...(widgets.length ? ["scripts/steps/widgets.ts"] : [])] },
    ],
    files: "files-sections",
    dataFiles: {
      // What scripts/steps/widgets.ts bundles, and where to.
      ...(widgets.length ? { "packages/sections/scripts/widgets.json": () => ({ publicDir: framework.publicDir, widgets }) } : {}),
      // The bundles are outside the package: named from the root, so a cache hit (Vercel's remote
      // cache on the next push) puts them back where the framework reads them.
      "packages/sections/turbo.json": () => ({
        $schema: "https://turborepo.com/schema.json",
        extends: ["//"],
        tasks: { build: { outputs: widgets.length ? [`$TURBO_ROOT$/${publicJam}/**`] : [] } },
      }),
    },
    workspaces: {
      "packages/sections": {
        what: "the pages integrations add (`src/sections/`), as HTML every framework renders in its layout, and their browser scripts (`widgets/`)",
        dependencies: ["@repo/content"],
        devDependencies: ["typescript", "@types/node", "@repo/typescript-config", ...(widgets.length ? ["esbuild"] : [])],
        // `build` runs the steps other modules bring (scripts/steps/), e.g. the build's notice of
        // what selling still needs.
        scripts: { build: "node scripts/build.ts", "check-types": "tsc --noEmit", lint: "biome lint ." },
        fields: { exports: { ".": "./src/index.ts" } },
      },
      "apps/web": { dependencies: ["@repo/sections"] },
    },
    ...(widgets.length ? { allowBuilds: { esbuild: true }, gitignore: [`${publicJam}/`] } : {}),
    // scripts/build.ts imports each step it finds, and the widgets step hands each widget to esbuild.
    // Without sections apps/web imports nothing from it: it depends on it so that the widgets' build
    // runs before the site's.
    knip: {
      "packages/sections": { entry: ["scripts/steps/*.ts", ...(widgets.length ? ["widgets/*.ts"] : [])] },
      ...(sections.length ? {} : { "apps/web": { ignoreDependencies: ["@repo/sections"] } }),
    },
  };
};

/** A framework's derive: its route per section (files-sections/, with __section__ in the path). */
export const sectionRoutes =
  (more: Contribution = {}) =>
  ({ sections }: StackView): Contribution =>
    sections.length ? { files: "files-sections", ...more } : {};
