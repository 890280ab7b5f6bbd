// For a static site's host functions (Vercel's apps/web/api/, Netlify Functions): the handlers and
// the workspace packages they import (TypeScript source) bundled into one JavaScript file,
// dist/host.mjs. The hosts' bundlers trace JavaScript, not a workspace package's TypeScript; npm
// packages stay imports, for them to trace and install as usual.
import { build } from "esbuild";

await build({
  entryPoints: ["src/index.ts"],
  outfile: "dist/host.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  logLevel: "warning",
  plugins: [
    {
      name: "npm-packages-external",
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@repo/") ? undefined : { path: args.path, external: true }));
      },
    },
  ],
});
console.log("functions: dist/host.mjs written for the host's functions");
