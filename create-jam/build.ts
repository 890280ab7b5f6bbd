// Bundles the CLI into one dependency-free file with every template embedded.
import { build } from "esbuild";
import { resolve } from "node:path";
import { collectTemplates } from "./src/engine/templates.ts";

const root = resolve(import.meta.dirname, "..");
const result = await build({
  entryPoints: [resolve(import.meta.dirname, "src/cli.ts")],
  outfile: resolve(import.meta.dirname, "dist/cli.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.12",
  minify: true,
  legalComments: "linked",
  metafile: true,
  // Some bundled CommonJS (handlebars) calls require(); give ESM output a real one.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  plugins: [
    {
      name: "templates",
      setup(b) {
        b.onResolve({ filter: /^virtual:templates$/ }, () => ({ path: "templates", namespace: "templates" }));
        b.onLoad({ filter: /.*/, namespace: "templates" }, () => ({ contents: JSON.stringify(collectTemplates(root)), loader: "json" }));
      },
    },
  ],
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`create-jam: dist/cli.mjs ${(bytes / 1024).toFixed(0)} KiB`);
