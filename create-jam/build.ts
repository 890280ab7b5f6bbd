// Bundles the CLI into one dependency-free file with every template embedded.
import { build } from "esbuild";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { collectTemplates, storeModuleSource } from "./src/engine/templates.ts";

const root = resolve(import.meta.dirname, "..");
// Chunk names carry content hashes: without a clean folder, old chunks would be packed and published.
rmSync(resolve(import.meta.dirname, "dist"), { recursive: true, force: true });
const result = await build({
  // dist/cli.mjs is the small bin (src/bin.ts); the CLI itself is a chunk it loads once the compile cache is on.
  entryPoints: { cli: resolve(import.meta.dirname, "src/bin.ts") },
  outdir: resolve(import.meta.dirname, "dist"),
  outExtension: { ".js": ".mjs" },
  // Prompts and process running become chunks loaded on first use (see cli/main.ts).
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.12",
  minify: true,
  // The bundled libraries' licence notices, gathered below into dist/cli.mjs.LEGAL.txt.
  legalComments: "external",
  metafile: true,
  // Some bundled CommonJS (handlebars) calls require(); give ESM output a real one.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  plugins: [
    {
      // Handlebars uses source-map only when it can load it, for source maps we never ask for.
      name: "no-source-map",
      setup(b) {
        b.onResolve({ filter: /^source-map$/ }, () => ({ path: "source-map", namespace: "empty" }));
        b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "module.exports = {};", loader: "js" }));
      },
    },
    {
      name: "templates",
      setup(b) {
        b.onResolve({ filter: /^virtual:templates$/ }, () => ({ path: "templates", namespace: "templates" }));
        const render = resolve(import.meta.dirname, "src/engine/render.ts");
        b.onLoad({ filter: /.*/, namespace: "templates" }, () => ({ contents: storeModuleSource(collectTemplates(root), render), loader: "js", resolveDir: root }));
      },
    },
  ],
});
// One licence file beside the bin, whichever chunk a library landed in.
const legal = Object.keys(result.metafile.outputs).filter((f) => f.endsWith(".LEGAL.txt"));
writeFileSync(resolve(import.meta.dirname, "dist/cli.mjs.LEGAL.txt"), legal.map((f) => readFileSync(resolve(f), "utf8")).join("\n"));
for (const f of legal) if (resolve(f) !== resolve(import.meta.dirname, "dist/cli.mjs.LEGAL.txt")) rmSync(resolve(f));
for (const [file, out] of Object.entries(result.metafile.outputs)) {
  if (file.endsWith(".mjs")) console.log(`create-jam: ${file.replace(/^.*?dist\//, "dist/")} ${(out.bytes / 1024).toFixed(0)} KiB`);
}
