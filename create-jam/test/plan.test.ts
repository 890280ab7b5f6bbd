import { readdirSync } from "node:fs";
import { posix } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { parse as parseToml } from "smol-toml";
import { kinds } from "../src/engine/kinds.ts";
import { assertSafePath, planProject } from "../src/engine/plan.ts";
import { registry } from "../src/engine/registry.ts";
import { pairwise } from "../src/engine/matrix.ts";
import { resolveStack } from "../src/engine/stack.ts";
import type { JamError } from "../src/engine/errors.ts";
import type { Choices } from "../src/engine/types.ts";
import { defaultOptions, plan, store } from "./helpers.ts";

describe("planProject", () => {
  it("is deterministic: the same input gives byte-identical trees", () => {
    const a = plan({ deploy: ["vercel", "netlify"] });
    const b = plan({ deploy: ["vercel", "netlify"] });
    expect([...a]).toEqual([...b]);
    expect([...a.keys()]).toEqual([...a.keys()].sort());
  });

  it.each(pairwise(registry).allowed)("plans %o with valid data files and no leftover template syntax", (choices) => {
    const tree = plan(choices);
    for (const [path, text] of tree) {
      if (path.endsWith(".json")) expect(() => JSON.parse(text), path).not.toThrow();
      if (path.endsWith(".yaml")) expect(() => parseYaml(text), path).not.toThrow();
      if (path.endsWith(".toml")) expect(() => parseToml(text), path).not.toThrow();
      expect(path.endsWith(".hbs"), path).toBe(false);
    }
    expect(tree.has("apps/web/vercel.json")).toBe(choices.deploy.includes("vercel"));
    expect(tree.has("netlify.toml")).toBe(choices.deploy.includes("netlify"));
    const web = JSON.parse(tree.get("apps/web/package.json") as string);
    expect(web.scripts.build).toBeTruthy();
    expect(web.dependencies["@repo/content"]).toBe("workspace:*");
    const root = JSON.parse(tree.get("package.json") as string);
    // Pagefind and Algolia both write their index in the task `index`, after the build.
    expect(root.scripts.build).toBe(choices.search === "none" ? "turbo run build" : "turbo run build index");
    expect(tree.has("apps/web/pagefind.json")).toBe(choices.search === "pagefind");
  });

  // A file a module's copy list forgot (a new helper beside a provider) would fail only in the
  // generated project's build: check every relative import against the planned tree.
  it.each(pairwise(registry).allowed)("plans %o with every relative import of its sources resolving to a planned file", (choices) => {
    const tree = plan(choices);
    const source = /\.(ts|tsx|mts|js|mjs|cjs|vue|svelte|astro|jsx)$/;
    // Made by a build (content JSON, bundles) or by a framework (SvelteKit's ./$types).
    const generated = (p: string) => /(^|\/)(\.generated|dist|\.svelte-kit|\.astro)(\/|$)|\$types/.test(p);
    const candidates = (p: string) => [p, ...["ts", "tsx", "js", "mjs", "vue", "svelte"].map((e) => `${p}.${e}`), `${p}/index.ts`, `${p}/index.js`];
    const missing: string[] = [];
    for (const [path, text] of tree) {
      if (!source.test(path)) continue;
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|require\(\s*)["'](\.{1,2}\/[^"'?]+)["']/g)) {
        const target = posix.normalize(posix.join(posix.dirname(path), m[1] as string));
        if (generated(target)) continue;
        if (!candidates(target).some((c) => tree.has(c))) missing.push(`${path} -> ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("writes every dependency as an exact version or a catalog/workspace reference", () => {
    const tree = plan({ framework: "next", deploy: ["vercel", "netlify"] });
    const catalog = parseYaml(tree.get("pnpm-workspace.yaml") as string).catalog as Record<string, string>;
    for (const [path, text] of tree) {
      if (!path.endsWith("package.json")) continue;
      const pkg = JSON.parse(text);
      for (const [name, spec] of Object.entries<string>({ ...pkg.dependencies, ...pkg.devDependencies })) {
        if (spec === "catalog:") expect(catalog[name], name).toMatch(/^\d+\.\d+\.\d+$/);
        else expect(spec, `${path} ${name}`).toMatch(/^(\d+\.\d+\.\d+|workspace:\*)$/);
      }
    }
  });

  it("resolves what the pins depend on as of the newest pin, so later releases upstream do not change an install", () => {
    const workspace = parseYaml(plan({ framework: "nuxt" }).get("pnpm-workspace.yaml") as string);
    expect(workspace.resolutionMode).toBe("time-based");
    expect(Object.keys(workspace.overrides)).toEqual(["vite"]);
  });

  // The header fragment reaches every framework's site config, and only with a module that has one.
  const siteConfig: Record<string, string> = {
    astro: "apps/web/src/site.ts",
    eleventy: "apps/web/src/site.ts",
    gatsby: "apps/web/src/site.ts",
    hugo: "apps/web/hugo.toml",
    next: "apps/web/app/site.ts",
    nuxt: "apps/web/app/site.ts",
    sveltekit: "apps/web/src/lib/site.ts",
  };
  it.each(Object.keys(siteConfig))("gives %s's layout the account badge with auth, and an empty header without", (framework) => {
    const file = siteConfig[framework] as string;
    const badge = '<jam-account><a href=\\"/api/auth/login/?returnTo=/account/\\">Sign in</a></jam-account>';
    const withAuth = plan({ framework, auth: "auth0", deploy: ["netlify"] });
    expect(withAuth.get(file), file).toContain(badge);
    expect(withAuth.get(file)).toContain('src=\\"/_jam/account.js\\"');
    expect(withAuth.has("packages/sections/src/sections/account.ts")).toBe(true);
    expect(withAuth.get("packages/functions/src/routes.ts")).toContain('"/api/members": membersEntry');
    expect(JSON.parse(withAuth.get("packages/content/package.json") as string).exports).toEqual({ ".": "./src/index.ts", "./members": "./src/members.ts" });
    const without = plan({ framework, deploy: ["netlify"] });
    expect(without.get(file)).toMatch(/header = ""|header: "",/);
    expect(without.has("packages/content/content/posts/members-only.md")).toBe(false);
  });

  it("puts the backend's comments after every post, and nothing without a backend", () => {
    const footer = (tree: Map<string, string>) => JSON.parse(tree.get("packages/content/post-footer.json") as string).html as string;
    expect(footer(plan({ auth: "auth0", backend: "supabase", deploy: ["netlify"] }))).toContain('<jam-comments data-entry="{slug}">');
    expect(footer(plan())).toBe("");
    // Who may post: the session with an auth module; nobody (read-only) without one.
    expect(plan({ auth: "auth0", backend: "supabase", deploy: ["netlify"] }).get("packages/functions/src/comments/visitor.ts")).toContain("sessionOf");
    expect(plan({ backend: "supabase", deploy: ["netlify"] }).get("packages/functions/src/comments/visitor.ts")).not.toContain("sessionOf");
  });

  it("takes comments from anyone who gives a name with --anonymous-comments, and keeps the flag in jam.json", () => {
    const tree = plan({ backend: "supabase", deploy: ["netlify"], flags: ["anonymous-comments"] });
    expect(tree.get("packages/functions/src/comments/visitor.ts")).toContain('from "./anonymous.ts"');
    expect(tree.get("packages/functions/src/comments/anonymous.ts")).toContain('posting: Posting = "anyone"');
    // Behind Turnstile: its verifier, its keys in .env.example (Cloudflare's test keys, for localhost), its README part.
    expect(tree.has("packages/functions/src/comments/turnstile.ts")).toBe(true);
    expect(tree.get(".env.example")).toMatch(/^TURNSTILE_SITE_KEY=1x00000000000000000000AA$/m);
    expect(tree.get(".env.example")).toMatch(/^TURNSTILE_SECRET_KEY=1x0000000000000000000000000000000AA$/m);
    expect(tree.get("README.md")).toContain("**Anonymous comments pass a challenge:**");
    // Its script and frame are allowed by the pages' policy (a conditional on the flag), and only with it.
    const csp = (t: Map<string, string | Uint8Array>) => JSON.parse(t.get("packages/security/csp.json") as string).directives;
    expect(csp(tree)["script-src"]).toContain("https://challenges.cloudflare.com");
    expect(csp(tree)["frame-src"]).toContain("https://challenges.cloudflare.com");
    expect(JSON.stringify(csp(plan({ backend: "supabase", deploy: ["netlify"] })))).not.toContain("challenges.cloudflare.com");
    expect(JSON.parse(tree.get("jam.json") as string).choices.flags).toEqual(["anonymous-comments"]);
    expect(plan({ backend: "supabase", deploy: ["netlify"] }).get("packages/functions/src/comments/visitor.ts")).toContain('posting: Posting = "nobody"');
  });

  it("refuses a module flag without its module, beside a module it does not work with, or unknown", () => {
    const refusal = (c: Partial<Choices>) => {
      try {
        plan(c);
      } catch (e) {
        return `${(e as JamError).message} ${(e as JamError).fix}`;
      }
      return "planned";
    };
    expect(refusal({ flags: ["anonymous-comments"] })).toBe("--anonymous-comments is an option of Supabase and Firebase, and no backend module that has it is chosen. Add --backend supabase|firebase, or drop --anonymous-comments.");
    expect(refusal({ backend: "firebase", auth: "firebase", deploy: ["netlify"], flags: ["anonymous-comments"] })).toBe(
      "--anonymous-comments does not work with --auth firebase: with an auth module, commenters sign in: the session names them. Either drop --anonymous-comments, or use --auth none.",
    );
    expect(refusal({ flags: ["no-such-flag"] })).toMatch(/^Unknown flag --no-such-flag\./);
  });

  it("keeps firebase-admin out of each hybrid framework's server bundle, and lets apps/web resolve it", () => {
    const configs: Record<string, [string, string]> = {
      sveltekit: ["apps/web/vite.config.ts", 'ssr: { external: ["firebase-admin"] }'],
      astro: ["apps/web/astro.config.mjs", 'vite: { ssr: { external: ["firebase-admin"] } }'],
      next: ["apps/web/next.config.ts", 'serverExternalPackages: ["firebase-admin"]'],
    };
    for (const [framework, [file, line]] of Object.entries(configs)) {
      const hybrid = plan({ framework, rendering: "hybrid", backend: "firebase", deploy: ["netlify"] });
      expect(hybrid.get(file), framework).toContain(line);
      expect(JSON.parse(hybrid.get("apps/web/package.json") as string).dependencies, framework).toHaveProperty("firebase-admin");
      const staticSite = plan({ framework, rendering: "static", backend: "firebase", deploy: ["netlify"] });
      expect(staticSite.get(file), framework).not.toContain("firebase-admin");
      expect(JSON.parse(staticSite.get("apps/web/package.json") as string).dependencies, framework).not.toHaveProperty("firebase-admin");
    }
  });

  it("tells pnpm about every install script of the Firebase SDKs, which pnpm 11 fails an install on otherwise", () => {
    const workspace = plan({ auth: "firebase", deploy: ["netlify"] }).get("pnpm-workspace.yaml") as string;
    expect(workspace).toMatch(/"@firebase\/util": false|'@firebase\/util': false/);
    expect(workspace).toContain("protobufjs: false");
  });

  it("writes a variable two modules read once in .env.example", () => {
    const env = plan({ auth: "supabase", backend: "supabase", deploy: ["netlify"] }).get(".env.example") as string;
    expect(env.match(/^SUPABASE_URL=/gm)).toHaveLength(1);
    const firebase = plan({ auth: "firebase", backend: "firebase", deploy: ["netlify"] }).get(".env.example") as string;
    expect(firebase.match(/^FIREBASE_PROJECT_ID=/gm)).toHaveLength(1);
    expect(firebase).toMatch(/^# Firebase: the service account's client_email .* \(secret: server only\)$/m);
  });

  it("gives each backend its own store and schema: a Supabase migration, or Firestore's rules and firebase.json", () => {
    const supabase = plan({ auth: "auth0", backend: "supabase", deploy: ["netlify"] });
    const firebase = plan({ auth: "auth0", backend: "firebase", deploy: ["netlify"] });
    expect(supabase.get("packages/functions/src/comments/provider.ts")).toContain('from "./supabase.ts"');
    expect(firebase.get("packages/functions/src/comments/provider.ts")).toContain('from "./firestore.ts"');
    expect(firebase.has("packages/functions/src/comments/supabase.ts")).toBe(false);
    expect(JSON.parse(firebase.get("firebase.json") as string)).toEqual({ firestore: { rules: "firestore.rules" } });
    expect(firebase.get("firestore.rules")).toContain("match /posts/{entry}/comments/{comment}");
    expect([...firebase.keys()].some((f) => f.startsWith("supabase/"))).toBe(false);
    expect(JSON.parse(firebase.get("packages/functions/package.json") as string).dependencies).toHaveProperty("firebase-admin");
    expect(firebase.get("pnpm-workspace.yaml")).toContain("protobufjs: false");
  });

  it("unions the package.json exports two modules give one package", () => {
    const both = plan({ commerce: "stripe", auth: "auth0", deploy: ["netlify"] });
    expect(JSON.parse(both.get("packages/content/package.json") as string).exports).toEqual({ ".": "./src/index.ts", "./products": "./src/products.ts", "./members": "./src/members.ts" });
  });

  // A template that writes a name where an identifier goes (a section "sign-in" as an import name)
  // fails only in the generated project's build: parse every TypeScript source planned.
  it.each(pairwise(registry).allowed)("plans %o with TypeScript sources that parse", (choices) => {
    const broken: string[] = [];
    for (const [path, text] of plan(choices)) {
      if (!/\.(ts|mts|tsx)$/.test(path)) continue;
      const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      const diagnostics = (file as unknown as { parseDiagnostics: { messageText: unknown }[] }).parseDiagnostics;
      if (diagnostics.length) broken.push(`${path}: ${diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText as string, " ")).join("; ")}`);
    }
    expect(broken).toEqual([]);
  });

  it("builds turbo.json with the framework's outputs and the content package's", () => {
    const turbo = JSON.parse(plan({ framework: "next" }).get("turbo.json") as string);
    expect(turbo.tasks.build.outputs).toEqual(expect.arrayContaining([".next/**", "!.next/cache/**", "out/**", ".generated/**"]));
    expect(turbo.tasks.build.dependsOn).toEqual(["^build"]);
  });

  it("points deploy configs at the framework's output folder", () => {
    const astro = plan({ framework: "astro", deploy: ["vercel", "netlify"] });
    expect(JSON.parse(astro.get("apps/web/vercel.json") as string).outputDirectory).toBe("dist");
    expect(parseToml(astro.get("netlify.toml") as string)).toMatchObject({ build: { publish: "apps/web/dist" } });
    const next = plan({ framework: "next", deploy: ["netlify"] });
    expect(parseToml(next.get("netlify.toml") as string)).toMatchObject({ build: { publish: "apps/web/out" } });
  });

  it("records the stack and a reproducing command in jam.json", () => {
    const jam = JSON.parse(plan({ deploy: ["netlify", "vercel"] }, { name: "blog", install: true }).get("jam.json") as string);
    expect(jam.command).toBe("npm create jam@0.0.0-test blog -- --framework astro --rendering static --content markdown --commerce none --auth none --backend none --search pagefind --deploy netlify,vercel --install --no-git");
    expect(jam.templates["@create-jam/template-base"]).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("refuses any path that could leave the project folder", () => {
    for (const bad of ["../x", "/etc/passwd", "a/../../b", "a\\b", "C:/x", "a//b", "./a", ""]) {
      expect(() => assertSafePath(bad), bad).toThrow(/not a plain path/);
    }
    const stack = resolveStack(registry, { framework: "astro", rendering: "static", content: "markdown", commerce: "none", auth: "none", backend: "none", search: "none", deploy: [] });
    stack.parts[0] = { ...stack.parts[0], dataFiles: { "../escape.json": () => ({}) } };
    expect(() => planProject({ registry, stack, options: defaultOptions, store, version: "0" })).toThrow(/not a plain path/);
  });

  it("covers every kind in the reproduce command", () => {
    const jam = JSON.parse(plan().get("jam.json") as string);
    for (const k of kinds) expect(jam.command).toContain(`--${k.kind} `);
  });
});

// One reviewable file per stack of the pairwise set (every pair of choices the rules allow appears
// in one of them): the whole file list, then every config file at the
// root and at the top of each app. A module edit shows up here as the diff it makes to each stack.
const keyFile = (path: string) => /^(apps\/[^/]+\/)?[^/]+$/.test(path) && !path.endsWith(".md");
const stackName = (c: Choices) => [c.framework, c.rendering, c.content, ...(c.commerce === "none" ? [] : [c.commerce]), ...(c.auth === "none" ? [] : [c.auth]), ...(c.backend === "none" ? [] : [`${c.backend}-comments`]), c.search, c.deploy.join("+") || "no-deploy"].join("-");

describe.each(pairwise(registry).allowed.map((c) => [stackName(c), c] as const))("the %s stack", (name, choices) => {
  it("matches its snapshot of files and key files", async () => {
    const tree = plan(choices);
    const keys = [...tree.keys()];
    const text = [`# ${name}`, "", ...keys, ...keys.filter(keyFile).flatMap((path) => ["", `## ${path}`, tree.get(path) as string])].join("\n");
    await expect(text).toMatchFileSnapshot(`__snapshots__/stacks/${name}.txt`);
  });
});

it("keeps a snapshot file for the pairwise stacks only (a stale one would review a stack nobody tests)", () => {
  const dir = new URL("__snapshots__/stacks/", import.meta.url);
  const want = pairwise(registry).allowed.map((c) => `${stackName(c)}.txt`).sort();
  expect(readdirSync(dir).sort()).toEqual(want);
});

describe("default project snapshot", () => {
  it("matches the file list and key files", () => {
    const tree = plan();
    expect([...tree.keys()]).toMatchSnapshot("files");
    // README.md: the default stack's, to review what a newcomer reads (readme.test.ts checks every stack's commands).
    for (const file of ["package.json", "turbo.json", "pnpm-workspace.yaml", "apps/web/package.json", "packages/content/package.json", ".env.example", "README.md"]) {
      expect(tree.get(file)).toMatchSnapshot(file);
    }
  });
});
