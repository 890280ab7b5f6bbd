// Bundles one custom element's script (widgets/<name>.ts) into the site's public folder, which the
// framework serves and copies into its build as /_jam/<name>.js. The widgets' build steps
// (scripts/steps/*-widget.ts) call it with the framework's public folder.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export async function bundleWidget(name: string, publicDir: string, what: string): Promise<void> {
  const target = `apps/web/${publicDir}/_jam/${name}.js`;
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../widgets/${name}.ts`, import.meta.url))],
    outfile: fileURLToPath(new URL(`../../../${target}`, import.meta.url)),
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    metafile: true,
  });
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.log(`${what} -> ${target} (${bytes} bytes)`);
}
