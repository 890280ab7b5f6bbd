import { defineModule } from "../../create-jam/src/engine/define.ts";
import pkg from "./package.json" with { type: "json" };

/** Where a framework's pre-rendered HTML is, and where the index must go to be served with it. */
interface PagefindPaths {
  site: string;
  output_path?: string;
}

// Pagefind reads the built HTML, so it runs as its own turbo task after the framework's build
// (`index`, cached like any other). Each framework module brings its search page (a conditional
// on search:pagefind) and says where its HTML is through `data.outDir` or `data.pagefind`.
export default defineModule(pkg, {
  id: "pagefind",
  kind: "search",
  label: "Pagefind",
  hint: "static search index built after the site; no server, no account",
  workspaces: { "apps/web": { devDependencies: ["pagefind"], scripts: { index: "pagefind" } } },
  // Pagefind searches in WebAssembly, which script-src must allow (pagefind.app: hosting).
  csp: { "script-src": ["'wasm-unsafe-eval'"] },
  turbo: { tasks: { index: { dependsOn: ["build"] } }, alsoOnBuild: ["index"] },
  dataFiles: {
    // Pagefind reads pagefind.json from the folder it runs in.
    "apps/web/pagefind.json": (ctx) => pathsOf(ctx.framework),
  },
  derive: ({ framework }) => {
    const { site, output_path } = pathsOf(framework);
    return { turbo: { tasks: { index: { outputs: [`${output_path ?? `${site}/pagefind`}/**`] } } } };
  },
  readme: `## Search: Pagefind

\`pnpm build\` runs Pagefind after the site is built (the turbo task \`index\`): it reads the pre-rendered HTML and writes a static search index next to it, which the \`/search/\` page queries in the browser. No server and no account. Mark what to index with \`data-pagefind-body\` and what to skip with \`data-pagefind-ignore\` (pagefind.app).`,
});

function pathsOf(framework: Record<string, unknown>): PagefindPaths {
  return (framework.pagefind as PagefindPaths | undefined) ?? { site: framework.outDir as string };
}
