// Bundles each widget the chosen modules brought (a custom element, widgets/<name>.ts, as listed
// in ../widgets.json, which create-jam writes) into the framework's public folder, which it serves
// and copies into its build as /_jam/<name>.js. Each is one small ES module for the browser.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import listed from "../widgets.json" with { type: "json" };

const { publicDir, widgets } = listed as { publicDir: string; widgets: { name: string; what: string }[] };
for (const { name, what } of widgets) {
  const target = `apps/web/${publicDir}/_jam/${name}.js`;
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../../widgets/${name}.ts`, import.meta.url))],
    outfile: fileURLToPath(new URL(`../../../../${target}`, import.meta.url)),
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
