// What every commerce module shares, so that a provider is one module folder: the products
// collection (packages/content's demo products; a CMS module brings its own product type), the
// /products/ section that shows them, the build's notice, and the provider's buy control in packages/sections/src/commerce/<id>.ts (chosen by its own
// files/packages/sections/src/commerce.ts).
import type { JamModule, Section } from "../../create-jam/src/engine/types.ts";

export function commerceModule(spec: { id: string; sections?: Section[] }): Pick<JamModule, "id" | "kind" | "sections" | "packages" | "workspaces" | "turbo"> {
  return {
    id: spec.id,
    kind: "commerce",
    sections: [{ id: "products", nav: "Shop" }, ...(spec.sections ?? [])],
    packages: [
      { from: "content", to: "packages/content", include: ["src/products.ts", "content/products/"] },
      { from: "sections", to: "packages/sections", include: ["src/sections/products.ts", "src/price.ts", "src/commerce/types.ts", `src/commerce/${spec.id}.ts`, "scripts/steps/commerce-notice.ts"] },
    ],
    workspaces: {
      "packages/content": { fields: { exports: { ".": "./src/index.ts", "./products": "./src/products.ts" } } },
    },
  };
}
