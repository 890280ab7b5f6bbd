import { posix } from "node:path";
import { defineModule } from "../../create-jam/src/engine/define.ts";
import type { Contribution, KnipWorkspace, ModuleView, StackView, WorkspacePatch, WorkspacePath } from "../../create-jam/src/engine/types.ts";
import { readsHeadersFile, securityHeaders } from "../shared/security-headers.ts";
import { sectionsMachinery } from "../shared/sections.ts";
import { ciWorkflow } from "./ci-workflow.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "base",
  kind: "base",
  label: "Turborepo + pnpm monorepo",
  hint: "pnpm workspace, turbo tasks, shared TypeScript config, Biome, turbo gen",
  // pnpm 11 needs 22.13; the generated build scripts are TypeScript run by plain node (type stripping, 22.18).
  node: "22.18.0",
  packages: [
    { from: "typescript-config", to: "packages/typescript-config", include: ["base.json", "README.md"] },
    // The site's one stylesheet: each framework's apps/web loads @repo/theme/site.css its own way.
    { from: "theme", to: "packages/theme", include: ["site.css", "README.md"] },
    // The site's server side: the router and the handlers of the chosen modules (src/routes.ts is
    // written from their `functions`). Every framework and host mounts it, none has handlers of its own.
    {
      from: "functions",
      to: "packages/functions",
      include: ["src/index.ts", "src/router.ts", "src/body-limit.ts", "src/rate-limit.ts", "src/headers.ts", "src/types.ts", "src/on-request.ts", "src/cache.ts", "src/purge/types.ts", "src/handlers/entries.ts", "tsconfig.json", "README.md"],
    },
  ],
  functions: [{ path: "/api/entries", handler: "entries" }],
  gitignore: [
    "node_modules/",
    ".turbo/",
    "*.tsbuildinfo",
    ".generated/",
    "# .env.example is the committed list; values stay local",
    ".env",
    ".env.*",
    "!.env.example",
    ".vercel/",
    ".netlify/",
    ".DS_Store",
    "*.log",
    "# where a stopped create-jam add or upgrade left its files; its next run undoes that",
    ".create-jam-update/",
  ],
  env: [{ name: "SITE_URL", visibility: "public", description: "the site's production URL: the base of canonical links, and the origin the functions take posts from (checkout, comments)", example: "https://example.com" }],
  goLive: [
    { phase: "variables", do: `Set \`SITE_URL\` to the site's address, \`https://<your site>\` (the host gives one at the first deploy; a custom domain's once it has one). It is the base of canonical links, and the one other origin the functions take posts from (checkout, comments) besides the request's own.`, check: `the host's settings list \`SITE_URL\` as an \`https://\` address without a trailing slash; after the next deploy, a checkout or comment posted from the site is not refused with 403.` },
  ],
  workspaces: {
    ".": {
      // knip: unused files, dependencies and exports, across the workspaces (knip.json, from the modules' `knip`).
      devDependencies: ["turbo", "@biomejs/biome", "@turbo/gen", "typescript", "knip"],
      scripts: {
        dev: "turbo run dev",
        lint: "turbo run lint",
        "check-types": "turbo run check-types",
        format: "biome format --write .",
        knip: "knip",
      },
    },
    "packages/typescript-config": { what: "shared `tsconfig` settings", fields: { files: ["*.json"] } },
    "packages/theme": { what: "the site's stylesheet, `site.css`, which every page loads", fields: { exports: { "./site.css": "./site.css" } } },
    "packages/functions": {
      what: "the site's server routes (`/api/*`): one Web-standard handler each, mounted by the framework or the host",
      dependencies: ["@repo/content"],
      devDependencies: ["typescript", "@types/node", "@repo/typescript-config"],
      scripts: { "check-types": "tsc --noEmit", lint: "biome lint ." },
      // ./cache: the cache headers of pages rendered on request, without the rest in a page's bundle.
      fields: { exports: { ".": "./src/index.ts", "./cache": "./src/cache.ts" } },
    },
    "apps/web": { dependencies: ["@repo/theme"] },
  },
  when: [
    {
      // A static site's functions run on its host: scripts/build.ts bundles them into dist/host.mjs
      // (exported as @repo/functions/host) for the host's bundler, which traces JavaScript only. And
      // its framework's dev server knows no /api: scripts/dev.ts serves the functions and proxies
      // the rest to it, on one origin (port 8888). A hybrid framework does both itself.
      with: ["rendering:static"],
      packages: [{ from: "functions", to: "packages/functions", include: ["scripts/dev.ts", "scripts/build.ts"] }],
      workspaces: {
        "packages/functions": {
          devDependencies: ["http-proxy-3", "esbuild"],
          scripts: { build: "node scripts/build.ts" },
          fields: { exports: { ".": "./src/index.ts", "./cache": "./src/cache.ts", "./host": { types: "./src/index.ts", default: "./dist/host.mjs" } } },
        },
      },
      turbo: { tasks: { build: { outputs: ["dist/**"] } } },
      env: [{ name: "FUNCTIONS_PORT", visibility: "public", description: "the port `pnpm dev` serves the site and its functions on", example: "8888" }],
      gitignore: ["dist/"],
    },
  ],
  derive: (view) => {
    const { buildTasks, framework, has } = view;
    const sections = sectionsMachinery(view);
    const security = pagePolicy(view);
    const mounted = Boolean(has.rendering?.hybrid) || [framework, ...((view.deploy ?? []) as ModuleView[])].some((m) => m.mountsFunctions);
    return {
      ...sections,
      ...(security.readme ? { readme: [sections.readme, security.readme].filter(Boolean).join("\n\n") } : {}),
      packages: [...(sections.packages ?? []), ...(security.packages ?? [])],
      knip: mergeKnip(sections.knip, security.knip),
      dataFiles: {
        ...sections.dataFiles,
        ...security.dataFiles,
        // What getEntry adds after each post's body (comments, with a backend module): data, read by
        // packages/content/src/index.ts.
        "packages/content/post-footer.json": () => ({ html: view.postFooter }),
        // The project's own CI: the build every host runs, plus type checks and lint (ci-workflow.ts).
        ".github/workflows/ci.yml": () => ciWorkflow(view),
      },
      workspaces: {
        ...sections.workspaces,
        ...security.workspaces,
        // Both add to the app: the sections' dependency, the policy's dependency (a hybrid server's) or
        // devDependency and its step.
        // @repo/functions where something in the app mounts it: the framework's server (hybrid) or a
        // host's function files, or a framework's page (data.mountsFunctions). Without either (GitHub Pages, no host), only
        // `pnpm dev` runs the functions, from their own package.
        "apps/web": {
          what: `the ${framework.label} site`,
          ...mergeWorkspace(mergeWorkspace(mounted ? { dependencies: ["@repo/functions"] } : {}, sections.workspaces?.["apps/web"]), security.workspaces?.["apps/web"]),
        },
        // `pnpm build` runs every task a full build needs (the site, then e.g. its search index).
        ".": { scripts: { build: `turbo run ${buildTasks.join(" ")}` } },
        ...(has.rendering?.static ? { "packages/functions": { scripts: { dev: `node --watch scripts/dev.ts ${framework.devPort}` } } } : {}),
      },
    };
  },
  // @turbo/gen bundles generators with esbuild, whose install script only links its packaged binary.
  allowBuilds: { esbuild: true },
  turbo: {
    tasks: {
      // `topo` does nothing itself: depending on it makes a package's check-types rerun when a
      // package it depends on changes (turbo's transit-node pattern), without building it.
      topo: { dependsOn: ["^topo"] },
      build: { dependsOn: ["^build"], inputs: ["$TURBO_DEFAULT$", ".env*"], outputs: [] },
      "check-types": { dependsOn: ["topo", "^build"] },
      // biome.json lives at the root, outside every package: name it or edits to it hit the cache.
      lint: { inputs: ["$TURBO_DEFAULT$", "$TURBO_ROOT$/biome.json"] },
      dev: { dependsOn: ["^build"], cache: false, persistent: true },
    },
  },
});

/**
 * The security of the site's pages, for every framework at once. A static build's HTML is final:
 * packages/security's step, chained after the framework's own build in apps/web's `build` script
 * (afterBuild: the same turbo task, so a cache hit restores the pages with their policy), writes
 * each page's Content-Security-Policy <meta> with its inline scripts' hashes and the sources the
 * stack's modules load (their `csp`). A hybrid build's pages are its server's answers, at build
 * time or on request: the framework's hook (data.pageSecurity) gives each the same policy and the
 * hosts' headers, which Netlify and Cloudflare do not add to a server's answer. The hosts that read a `_headers` file from the static output
 * (Netlify, Cloudflare: data.headersFile) get one, written once here for both, in the framework's
 * publicDir, or its headersDir where its adapters take the file from elsewhere (SvelteKit's, hybrid).
 */
function pagePolicy(view: StackView): Contribution {
  const { framework, has } = view;
  const isStatic = Boolean(has.rendering?.static);
  // A hybrid framework's server secures its own answers, through what its data.pageSecurity names:
  // a hook for a Web Response or for HTML (packages/security/src/<it>.ts), or only the headers'
  // file (Next.js's config reads it; its pages get no script policy).
  const server = has.rendering?.hybrid ? (framework.pageSecurity as { hook: "response" | "html" | "headers"; file: string } | undefined) : undefined;
  const hook = server?.hook;
  const hookFiles = hook === "response" ? ["src/html.ts", "src/response.ts"] : hook === "html" ? ["src/html.ts"] : [];
  const scripts = hook === "response" || hook === "html";
  return {
    ...(server ? { readme: serverSecurityReadme(framework.label as string, server.file, scripts) } : {}),
    packages: [{ from: "security", to: "packages/security", include: ["src/csp.ts", ...(isStatic ? ["scripts/csp.ts"] : []), ...hookFiles, "tsconfig.json", "README.md"] }],
    dataFiles: {
      ...(readsHeadersFile(view) ? { [posix.join("apps/web", (framework.headersDir ?? framework.publicDir) as string, "_headers")]: () => ({ "/*": securityHeaders(view) }) } : {}),
      // The headers, for a host's step that writes them into a build's own config (Vercel's Build Output).
      "packages/security/headers.json": () => securityHeaders(view),
      // What the step adds to each page's policy, from the modules' csp.
      ...(isStatic || scripts ? { "packages/security/csp.json": () => ({ directives: view.csp }) } : {}),
    },
    workspaces: {
      "packages/security": {
        what: "the pages' Content-Security-Policy step and the hosts' security headers",
        devDependencies: ["typescript", "@types/node", "@repo/typescript-config"],
        scripts: { "check-types": "tsc --noEmit", lint: "biome lint ." },
        fields: {
          exports: {
            ".": "./src/csp.ts",
            ...(hook === "headers" ? { "./headers.json": "./headers.json" } : hook ? { [`./${hook}`]: `./src/${hook}.ts` } : {}),
          },
        },
      },
      // A dependency, so that a change to a step or to its data changes the build's hash; the
      // server's own, when it imports it.
      "apps/web": {
        [scripts ? "dependencies" : "devDependencies"]: ["@repo/security"],
        ...(isStatic ? { afterBuild: [`node ../../packages/security/scripts/csp.ts ${framework.outDir}`] } : {}),
      },
    },
    // Without a server hook nothing in apps/web imports it: it is there for the build's hash (above).
    ...(server ? {} : { knip: { "apps/web": { ignoreDependencies: ["@repo/security"] } } }),
  };
}

/** A hybrid stack's "what this protects" for the pages its framework's server renders. */
const serverSecurityReadme = (framework: string, file: string, scripts: boolean) => `## Security of the pages the server renders

Hosts add their headers only to the files they serve themselves (Netlify's and Cloudflare's \`_headers\` never reach a server's answer), so ${framework}'s server sets the same ones on its own: \`${file}\` hands every answer to \`packages/security\`. ${
  scripts
    ? "Each page it renders, on request or pre-rendered at build time, also gets its policy `<meta>`: scripts only from the site and by the hash of each inline script that very answer holds, plus the sources the stack's integrations load (`packages/security/csp.json`). What it does not: a page's hashes cover every inline script in its HTML, so they are no defence against a script your own code writes into a page; the content package's sanitiser is what keeps a CMS's scripts out."
    : "What it does not: Next.js's pages get no script policy. They inline scripts that change with every render, which only a nonce made per request could allow, and a nonce makes every page dynamic (no pre-rendering, no ISR); add one through a proxy (Next.js's Content Security Policy guide) if you take that cost."
}`;

/** Two parts' knip settings, one workspace's lists joined (both may name apps/web's dependencies). */
function mergeKnip(a: Contribution["knip"] = {}, b: Contribution["knip"] = {}): Contribution["knip"] {
  const out = { ...a };
  for (const [ws, settings] of Object.entries(b) as [WorkspacePath, KnipWorkspace][]) {
    const mine: Record<string, unknown> = { ...out[ws] };
    for (const [key, value] of Object.entries(settings)) mine[key] = Array.isArray(mine[key]) && Array.isArray(value) ? [...(mine[key] as string[]), ...value] : value;
    out[ws] = mine as KnipWorkspace;
  }
  return out;
}

/** Two parts for one workspace, their lists joined (dependencies, devDependencies, afterBuild). */
function mergeWorkspace(a: WorkspacePatch = {}, b: WorkspacePatch = {}): WorkspacePatch {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = Array.isArray(mine) && Array.isArray(value) ? [...mine, ...value] : value;
  }
  return out as WorkspacePatch;
}
