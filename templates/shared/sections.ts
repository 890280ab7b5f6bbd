// The page sections machinery (packages/sections), brought by base when any chosen module adds a
// section: the API frameworks read, the generated registry of sections, and the workspace. Each
// framework renders sections through its own files-sections folder (sectionRoutes below).
import type { Contribution, StackView } from "../../create-jam/src/engine/types.ts";

export const sectionsMachinery = ({ sections }: StackView): Contribution =>
  sections.length
    ? {
        packages: [{ from: "sections", to: "packages/sections", include: ["src/index.ts", "src/types.ts", "src/html.ts", "scripts/build.ts", "tsconfig.json", "turbo.json"] }],
        files: "files-sections",
        workspaces: {
          "packages/sections": {
            dependencies: ["@repo/content"],
            devDependencies: ["typescript", "@types/node", "@repo/typescript-config"],
            // `build` runs the steps other modules bring (scripts/steps/), e.g. the build's notice of
            // what selling still needs.
            scripts: { build: "node scripts/build.ts", "check-types": "tsc --noEmit", lint: "biome lint ." },
            fields: { exports: { ".": "./src/index.ts" } },
          },
          "apps/web": { dependencies: ["@repo/sections"] },
        },
      }
    : {};

/** A framework's derive: its route per section (files-sections/, with __section__ in the path). */
export const sectionRoutes =
  (more: Contribution = {}) =>
  ({ sections }: StackView): Contribution =>
    sections.length ? { files: "files-sections", ...more } : {};
