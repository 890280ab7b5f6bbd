// The Vercel, Netlify and Cloudflare adapters published so far (@sveltejs/adapter-vercel 6,
// adapter-netlify 6, adapter-cloudflare 7) were written for SvelteKit 2: they build their functions with `builder.generateManifest()`, which
// SvelteKit 3 replaced with `builder.generateServerInstance()`. This gives them the old call, made
// from the new one; the rest of their work is unchanged. Delete it (and `kit2(...)` in
// vite.config.ts) once versions of those adapters for SvelteKit 3 are out.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Adapter, Builder } from "@sveltejs/kit";

type Kit2Builder = Builder & {
  generateManifest(options: { relativePath: string; routes?: Builder["routes"] }): string;
};

export function kit2(adapter: Adapter): Adapter {
  return {
    ...adapter,
    adapt(builder) {
      const compat = Object.create(builder) as Kit2Builder;
      // The manifest is the object SvelteKit 3 writes into a server module, with its imports made
      // relative to the same place (serverDirectory as seen from the adapter's file).
      compat.generateManifest = ({ relativePath, routes }) => {
        const dir = builder.getBuildDirectory("kit2-manifest");
        const file = join(dir, "server.js");
        builder.generateServerInstance(file, { routes, serverDirectory: join(dir, relativePath) });
        const code = readFileSync(file, "utf8");
        const start = code.indexOf("const manifest = ") + "const manifest = ".length;
        const manifest = code.slice(start, code.lastIndexOf("export const server")).trim().replace(/;$/, "");
        // SvelteKit 2's manifest had camelCase top-level keys and the rest under `_`; an adapter whose
        // Worker reads it itself (adapter-cloudflare's: `manifest.appPath`, `manifest._.server_assets`)
        // gets those names too. SvelteKit 3's Server reads its own names and ignores the others.
        return `((m) => ({ ...m, appDir: m.app_dir, appPath: m.app_path, mimeTypes: m.mime_types, _: m }))(${manifest})`;
      };
      return adapter.adapt(compat);
    },
  };
}
