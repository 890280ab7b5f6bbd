// The hosts' config files as the hosts read them: every framework and rendering the registry allows
// on a host, written to disk and loaded by the host's own loader (wrangler's for wrangler.jsonc,
// @netlify/config for netlify.toml) or checked as the host's CLI checks it (vercel.json), which
// refuses a wrong field; plus what each must say.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { resolveConfig } from "@netlify/config";
import { getFunctionsSchema, buildsSchema, getPrettyError } from "@vercel/build-utils";
import { frameworkList } from "@vercel/frameworks";
import { cleanUrlsSchema, headersSchema, redirectsSchema, rewritesSchema, routesSchema, trailingSlashSchema } from "@vercel/routing-utils";
import Ajv from "ajv";
import { afterAll, describe, expect, it, vi } from "vitest";
import { unstable_readConfig } from "wrangler";
import { parse as parseYaml } from "yaml";
import { matrix } from "../src/engine/matrix.ts";
import { registry } from "../src/engine/registry.ts";
import { findModule } from "../src/engine/stack.ts";
import type { Choices, FileTree } from "../src/engine/types.ts";
import { plan } from "./helpers.ts";

const root = mkdtempSync(join(tmpdir(), "jam-deploy-configs-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** One stack per framework and rendering the registry allows beside `deploy`. */
const stacksOn = (deploy: string) =>
  [...new Map(matrix(registry).allowed.filter((c) => c.deploy.includes(deploy)).map((c) => [`${c.framework}-${c.rendering}`, { framework: c.framework, rendering: c.rendering }])).values()];

/** Writes the tree's files to a folder of their own, for a loader that reads from disk. */
function onDisk(tree: FileTree, name: string): string {
  const dir = join(root, name);
  for (const [path, text] of tree) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** wrangler's own reading of a wrangler.jsonc: throws on an error; its warnings (an unknown field...) are returned. */
function readWrangler(file: string) {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  try {
    const config = unstable_readConfig({ config: file });
    return { config, warnings: warn.mock.calls.map((c) => c.join(" ")) };
  } finally {
    warn.mockRestore();
  }
}

describe("Cloudflare: apps/web/wrangler.jsonc", () => {
  const stacks = stacksOn("cloudflare");

  it("is offered for every framework pre-rendered, and hybrid for every hybrid framework", () => {
    const of = (rendering: string) => stacks.filter((s) => s.rendering === rendering).map((s) => s.framework).sort();
    expect(of("static")).toEqual(registry.filter((m) => m.kind === "framework").map((m) => m.id).sort());
    expect(of("hybrid")).toEqual(["astro", "next", "nuxt", "sveltekit"]);
  });

  it("runs hybrid Next.js through OpenNext: its build with WORKERS_CI, its cache's bindings, its deploy and preview", () => {
    const tree = plan({ framework: "next", rendering: "hybrid", search: "pagefind", deploy: ["cloudflare"] });
    const web = JSON.parse(tree.get("apps/web/package.json") as string);
    expect(web.dependencies["@opennextjs/cloudflare"]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(web.scripts.build).toBe('if [ -n "$WORKERS_CI" ]; then opennextjs-cloudflare build; else next build; fi');
    expect(web.scripts).toMatchObject({ "deploy:cloudflare": "opennextjs-cloudflare deploy", "preview:cloudflare": "opennextjs-cloudflare preview" });
    // OpenNext runs buildCommand itself: `pnpm build` (its default) would start it again.
    const config = tree.get("apps/web/open-next.config.ts") as string;
    expect(config).toContain('buildCommand: "next build && pnpm run pagefind-html && pnpm run index"');
    expect(config).toMatch(/incrementalCache: r2IncrementalCache[\s\S]*queue: doQueue[\s\S]*tagCache: doShardedTagCache/);
    const wrangler = JSON.parse(tree.get("apps/web/wrangler.jsonc") as string);
    expect(wrangler).toMatchObject({ main: ".open-next/worker.js", assets: { directory: "./.open-next/assets" } });
    expect(wrangler.services).toEqual([{ binding: "WORKER_SELF_REFERENCE", service: wrangler.name }]);
    expect(wrangler.r2_buckets).toEqual([{ binding: "NEXT_INC_CACHE_R2_BUCKET", bucket_name: `${wrangler.name}-cache` }]);
    expect(wrangler.migrations[0].new_sqlite_classes).toEqual(wrangler.durable_objects.bindings.map((b: { class_name: string }) => b.class_name));
    expect(JSON.parse(tree.get("turbo.json") as string).tasks.build.outputs).toContain(".open-next/**");
    expect(tree.get(".gitignore")).toMatch(/^\.open-next\/$/m);
    expect(tree.get("README.md")).toContain("wrangler r2 bucket create <bucket_name>");
    expect(tree.get("README.md")).toContain("`npx opennextjs-cloudflare deploy`");
    expect(tree.get("README.md")).toContain("`npx opennextjs-cloudflare upload`");
    // Without Cloudflare the build is Next.js's own.
    expect(JSON.parse(plan({ framework: "next", rendering: "hybrid", deploy: ["vercel"] }).get("apps/web/package.json") as string).scripts.build).toBe("next build");
  });

  it("keeps one module from replacing another's script: only a later part of the module that set it may", () => {
    const framework = registry.find((m) => m.kind === "framework" && m.id === "next") as (typeof registry)[number];
    const clash = registry.map((m) => (m.kind === "deploy" && m.id === "cloudflare" ? { ...m, workspaces: { "apps/web": { scripts: { build: "wrangler build" } } } } : m));
    expect(framework.workspaces?.["apps/web"]?.scripts?.build).toBe("next build");
    expect(() => plan({ framework: "next", rendering: "hybrid", deploy: ["cloudflare"] }, {}, clash)).toThrow('two modules set the "build" script of apps/web');
  });

  it.each(stacks)("loads in wrangler without an error or a warning, the Worker and its assets where the build writes them ($framework, $rendering)", ({ framework, rendering }) => {
    const tree = plan({ framework, rendering, commerce: "stripe", deploy: ["cloudflare"] });
    const dir = onDisk(tree, `cf-${framework}-${rendering}`);
    const { config, warnings } = readWrangler(join(dir, "apps/web/wrangler.jsonc"));
    expect(warnings).toEqual([]);
    expect(config.compatibility_flags).toContain("nodejs_compat");
    expect(config.keep_vars).toBe(true);
    if (rendering === "static") {
      // The functions layer as the Worker, started for /api/* only.
      expect(config.assets?.directory).toBe(`./${findModule(registry, "framework", framework)?.data?.outDir}`);
      expect(config.main).toBe(join(dir, "apps/web/worker.mts"));
      expect(config.assets?.run_worker_first).toEqual(["/api/*"]);
      expect(tree.get("apps/web/worker.mts")).toContain('import { cloudflareLimiter, handle } from "@repo/functions/host"');
      // Checkouts counted by Cloudflare's rate-limiting binding, which wrangler accepted above.
      expect(config.ratelimits).toEqual([{ name: "LIMIT_CHECKOUT", namespace_id: "1001", simple: { limit: 10, period: 60 } }]);
    } else {
      // The framework's server as the Worker, for every request no file answers; the build picks the adapter from WORKERS_CI.
      expect(config.assets?.run_worker_first).toBeUndefined();
      expect(tree.has("apps/web/worker.mts")).toBe(false);
      expect(JSON.parse(tree.get("turbo.json") as string).tasks.build.env).toContain("WORKERS_CI");
      expect(tree.get("README.md")).toContain("`WORKERS_CI=1 pnpm build`");
    }
    // The hosts' purgers it imports are in the tree (a Worker's rendered pages have none to purge).
    const purgers = [...(tree.get("packages/functions/src/purgers.ts") as string).matchAll(/from "\.\/(purge\/[a-z-]+\.ts)"/g)].map((m) => m[1]);
    for (const file of purgers) expect(tree.has(`packages/functions/src/${file}`), file).toBe(true);
  });

  it("is refused by wrangler when a field is wrong: the check can fail", () => {
    const tree = new Map(plan({ deploy: ["cloudflare"] }));
    tree.set("apps/web/wrangler.jsonc", (tree.get("apps/web/wrangler.jsonc") as string).replace('"auto-trailing-slash"', '"sometimes"'));
    expect(() => readWrangler(join(onDisk(tree, "cf-broken"), "apps/web/wrangler.jsonc"))).toThrow(/assets\.html_handling/);
  });

  it("names the Worker after the project, as Workers allow (lowercase letters, digits, dashes)", () => {
    const name = (n: string) => JSON.parse(plan({ deploy: ["cloudflare"] }, { name: n }).get("apps/web/wrangler.jsonc") as string).name;
    expect(name("my-site")).toBe("my-site");
    expect(name("@acme/shop.v2_x")).toBe("shop-v2-x");
  });

  it("adds wrangler to apps/web with a deploy and a local preview script, and keeps its state out of git", () => {
    const tree = plan({ deploy: ["cloudflare"] });
    const web = JSON.parse(tree.get("apps/web/package.json") as string);
    expect(web.devDependencies.wrangler).toMatch(/^\d+\.\d+\.\d+$/);
    expect(web.scripts).toMatchObject({ "deploy:cloudflare": "wrangler deploy", "preview:cloudflare": "wrangler dev" });
    expect(tree.get(".gitignore")).toMatch(/^\.wrangler\/$/m);
    expect(tree.get(".gitignore")).toMatch(/^\.dev\.vars\*$/m);
    expect(tree.get("README.md")).toContain("## Deploy: Cloudflare");
    expect(tree.get("README.md")).toContain("npx wrangler preview");
  });

  it("has a content change rebuild through a Workers Builds deploy hook (a static site with a CMS)", () => {
    const tree = plan({ content: "sanity", deploy: ["cloudflare"] });
    expect(tree.get(".env.example")).toContain("CLOUDFLARE_DEPLOY_HOOK_URL=");
    expect(tree.get("README.md")).toContain("### Cloudflare: rebuild on content changes");
  });
});

/**
 * vercel.json as the Vercel CLI checks it (its validate-config: the field schemas Vercel publishes
 * in @vercel/routing-utils and @vercel/build-utils, compiled with ajv 6 as the CLI does; the full
 * schema behind $schema is served by Vercel only), plus `framework` among @vercel/frameworks' slugs
 * and the commands and folders as strings (what Vercel's own types say they are).
 */
const vercelConfig = new Ajv({ allErrors: true }).compile({
  type: "object",
  properties: {
    builds: buildsSchema,
    routes: routesSchema,
    cleanUrls: cleanUrlsSchema,
    headers: headersSchema,
    redirects: redirectsSchema,
    rewrites: rewritesSchema,
    trailingSlash: trailingSlashSchema,
    functions: getFunctionsSchema(),
    framework: { enum: [...new Set([null, ...frameworkList.map((f) => f.slug)])] },
    ...Object.fromEntries(["$schema", "installCommand", "buildCommand", "ignoreCommand", "outputDirectory"].map((key) => [key, { type: "string" }])),
  },
});
const vercelErrors = (text: string) => (vercelConfig(JSON.parse(text)) ? [] : (vercelConfig.errors ?? []).map((e) => getPrettyError(e).message));

describe("Vercel: apps/web/vercel.json", () => {
  it.each(stacksOn("vercel"))("passes the Vercel CLI's checks, with the framework preset Vercel knows ($framework, $rendering)", ({ framework, rendering }) => {
    const tree = plan({ framework, rendering, deploy: ["vercel"] } as Partial<Choices>);
    const text = tree.get("apps/web/vercel.json") as string;
    expect(vercelErrors(text)).toEqual([]);
    const config = JSON.parse(text);
    expect(config.buildCommand).toMatch(/^cd \.\.\/\.\. && pnpm turbo run build/);
    expect(config.installCommand).toBe("pnpm install --frozen-lockfile");
  });

  it("is refused by those checks when a field is wrong: the check can fail", () => {
    const text = plan({ deploy: ["vercel"] }).get("apps/web/vercel.json") as string;
    expect(vercelErrors(text.replace('"trailingSlash": true', '"trailingSlash": "yes"'))).toEqual(["`trailingSlash` should be boolean."]);
    expect(vercelErrors(text.replace('"framework": "astro"', '"framework": "astrox"'))).toEqual(["`framework` should be equal to one of the allowed values."]);
  });
});

describe("Netlify: netlify.toml", () => {
  it.each(stacksOn("netlify"))("loads in @netlify/config, Netlify's own loader ($framework, $rendering)", async ({ framework, rendering }) => {
    const dir = onDisk(plan({ framework, rendering, deploy: ["netlify"] } as Partial<Choices>), `nt-${framework}-${rendering}`);
    const { config } = await resolveConfig({ config: join(dir, "netlify.toml"), repositoryRoot: dir, cwd: dir, offline: true, buffer: true, context: "deploy-preview" });
    expect(config.build.command).toMatch(/^pnpm turbo run build/);
    expect(config.build.publish).toMatch(new RegExp(`^${dir}/apps/web/`));
    // The deploy-preview context gives a preview its own address as SITE_URL.
    expect(config.build.environment.SITE_URL).toBe("$DEPLOY_PRIME_URL");
  });

  it("is refused by Netlify's loader when a field is wrong: the check can fail", async () => {
    const tree = new Map(plan({ deploy: ["netlify"] }));
    tree.set("netlify.toml", (tree.get("netlify.toml") as string).replace(/^command = .*$/m, "command = 3"));
    const dir = onDisk(tree, "nt-broken");
    await expect(resolveConfig({ config: join(dir, "netlify.toml"), repositoryRoot: dir, cwd: dir, offline: true, buffer: true })).rejects.toThrow(/build\.command must be a string/);
  });
});

describe("GitHub Pages: .github/workflows/pages.yml", () => {
  const stacks = stacksOn("github-pages");

  it.each(stacks)("passes GitHub's workflow schema, builds with the Pages base path and uploads the build ($framework)", ({ framework, rendering }) => {
    const tree = plan({ framework, rendering, deploy: ["github-pages"] });
    const text = tree.get(".github/workflows/pages.yml") as string;
    expect(validateWorkflow(text).errors).toEqual([]);
    const workflow = parseYaml(text);
    // The build job (which runs the project's dependencies) can read the code and publish nothing.
    expect(workflow.permissions).toEqual({ contents: "read" });
    expect(workflow.jobs.build.permissions).toBeUndefined();
    expect(workflow.jobs.deploy.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(workflow.concurrency).toEqual({ group: "pages", "cancel-in-progress": false });
    expect(Object.keys(workflow.on)).toEqual(["push", "workflow_dispatch", "repository_dispatch"]);
    const steps = workflow.jobs.build.steps as { name: string; id?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }[];
    expect(steps.map((s) => s.run).filter(Boolean)).toContain("pnpm install --frozen-lockfile");
    const build = steps.find((s) => s.name === "Build");
    expect(build?.run).toMatch(/^pnpm exec turbo run build .*--filter=web$/);
    expect(build?.env?.BASE_PATH).toBe("${{ steps.pages.outputs.base_path }}");
    expect(steps.at(-1)?.with?.path).toBe(`apps/web/${findModule(registry, "framework", framework)?.data?.outDir}`);
    expect(workflow.jobs.deploy.environment.name).toBe("github-pages");
    expect(workflow.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
    // BASE_PATH is part of the build's cache key: a build for / is not one for /<repo>/.
    expect(JSON.parse(tree.get("turbo.json") as string).globalEnv).toContain("BASE_PATH");
  });

  it("refuses hybrid rendering beside it, in the rule's words", () => {
    expect(() => plan({ framework: "astro", rendering: "hybrid", deploy: ["github-pages"] })).toThrow(/--deploy github-pages does not work with --rendering hybrid: GitHub Pages serves files and runs no server routes: every page must be pre-rendered\./);
  });

  it("passes the base path to each framework's own option", () => {
    expect(plan({ framework: "eleventy", deploy: ["github-pages"] }).get("apps/web/eleventy.config.js")).toContain("pathPrefix: `${process.env.BASE_PATH ?? \"\"}/`");
    expect(plan({ framework: "hugo", deploy: ["github-pages"] }).get("apps/web/scripts/hugo.ts")).toContain(`args.push("--baseURL", `);
  });
});

describe("each deploy target's README section", () => {
  // How previews per branch work there, and which variables differ (or that there are none).
  const says: Record<string, RegExp> = {
    vercel: /\*Preview\* environment[\s\S]*vercel env add NAME preview <branch>/,
    netlify: /`deploy-preview` and `branch-deploy` contexts[\s\S]*\$DEPLOY_PRIME_URL/,
    cloudflare: /npx wrangler preview[\s\S]*production's are not inherited/,
    "github-pages": /no preview deployments/,
  };

  it("covers every deploy module", () => {
    expect(Object.keys(says).sort()).toEqual(registry.filter((m) => m.kind === "deploy").map((m) => m.id).sort());
  });

  it.each(Object.entries(says))("says how previews work on %s", (id, phrase) => {
    const readme = plan({ framework: "eleventy", deploy: [id] }).get("README.md") as string;
    const section = readme.split(/^## /m).find((s) => s.startsWith("Deploy: ")) ?? "";
    expect(section).toMatch(phrase);
  });
});
