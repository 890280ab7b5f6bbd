// add and upgrade as a pure plan: each path's class, the merges by file kind, and the equivalences
// upgrade.md asks for (an unedited project given a module equals a fresh project with it).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseJsonc } from "jsonc-parser";
import { parse as parseYamlDoc } from "yaml";
import { merge3, mergeEnv, mergeJson, mergeYaml } from "../src/engine/merge-data.ts";
import { mergeText } from "../src/engine/merge-text.ts";
import { MANIFEST } from "../src/engine/plan.ts";
import { treeHash } from "../src/engine/tree-hash.ts";
import type { Choices, FileTree } from "../src/engine/types.ts";
import { type Action, planUpdate, writes } from "../src/engine/update.ts";
import { pairwise } from "../src/engine/matrix.ts";
import type { TemplateStore } from "../src/engine/render.ts";
import { registry } from "../src/engine/registry.ts";
import { plan, repoRoot, store } from "./helpers.ts";

const root = mkdtempSync(join(tmpdir(), "jam-update-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const labels = { ours: "ours", base: "base (create-jam 1)", theirs: "theirs (create-jam 2)" };
const tree = (o: Record<string, string>): FileTree => new Map(Object.entries(o));
const actionsOf = (base: FileTree, theirs: FileTree, ours: FileTree) => planUpdate(base, theirs, (p) => ours.get(p), labels);
const byPath = (actions: Action[]) => Object.fromEntries(actions.map((a) => [a.path, a.action]));

describe("the git tree hash", () => {
  it("is the one git write-tree gives for the same files", () => {
    const files = tree({ "a.txt": "a\n", "b/c.json": "{}\n", "b-c/d.md": "# d\n", "b/e/f": "", "é/ü.ts": "unicode\n" });
    const dir = join(root, "hash");
    for (const [p, text] of files) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), text);
    }
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" }).trim();
    git("init", "-q");
    git("add", "-A");
    expect(treeHash(files)).toBe(git("write-tree"));
    // And it changes with one byte.
    expect(treeHash(new Map([...files, ["a.txt", "b\n"]]))).not.toBe(git("write-tree"));
  });
});

describe("each path's class", () => {
  it("takes a side only one changed, whole, a deletion included, and merges where both did", () => {
    const base = tree({ same: "1\n", "template-changed": "1\n", "user-changed": "1\n", "both-same": "1\n", "template-dropped": "1\n", "user-deleted": "1\n", "dropped-edited": "1\n", "deleted-changed": "1\n", both: "a\nb\nc\n" });
    const theirs = tree({ same: "1\n", "template-changed": "2\n", "user-changed": "1\n", "both-same": "2\n", "user-deleted": "1\n", "deleted-changed": "2\n", both: "a\nb\nC\n", new: "n\n" });
    const ours = tree({ same: "1\n", "template-changed": "1\n", "user-changed": "mine\n", "both-same": "2\n", "template-dropped": "1\n", "dropped-edited": "mine\n", both: "A\nb\nc\n" });
    const actions = actionsOf(base, theirs, ours);
    expect(byPath(actions)).toEqual({
      same: "unchanged",
      "template-changed": "take-theirs",
      "user-changed": "unchanged",
      "both-same": "unchanged",
      "template-dropped": "delete",
      "user-deleted": "unchanged",
      "dropped-edited": "kept-edited",
      "deleted-changed": "deleted-by-you",
      both: "merged",
      new: "take-theirs",
    });
    expect(actions.find((a) => a.path === "both")).toMatchObject({ text: "A\nb\nC\n" });
    expect(actions.find((a) => a.path === "new")).toMatchObject({ created: true });
    expect(writes(actions).map((a) => a.path)).toEqual(["both", "new", "template-changed", "template-dropped"]);
  });

  it("--restore brings back a file the user deleted, whether or not the templates changed it", () => {
    const base = tree({ "deleted-changed": "1\n", "deleted-same": "1\n" });
    const theirs = tree({ "deleted-changed": "2\n", "deleted-same": "1\n" });
    const restored = planUpdate(base, theirs, () => undefined, labels, { restore: new Set(["deleted-changed", "deleted-same"]) });
    expect(restored).toEqual([
      { path: "deleted-changed", action: "take-theirs", text: "2\n", created: true },
      { path: "deleted-same", action: "take-theirs", text: "1\n", created: true },
    ]);
  });

  it("a file the user renamed takes the template's change under its new name; one the templates dropped stays there", () => {
    const base = tree({ "a.md": "title\nbody\nend\n", "b.md": "1\n2\n", "c.md": "x\n", "d.md": "same\n" });
    const theirs = tree({ "a.md": "title\nbody\nEND\n", "b.md": "1\n2\n3\n", "d.md": "same\n" });
    const ours = tree({ "docs/a.md": "TITLE\nbody\nend\n", "docs/b.md": "1\n2\n", "docs/c.md": "x\nmine\n", "docs/d.md": "same\n" });
    const renames = new Map([["a.md", "docs/a.md"], ["b.md", "docs/b.md"], ["c.md", "docs/c.md"], ["d.md", "docs/d.md"]]);
    const actions = planUpdate(base, theirs, (p) => ours.get(p), labels, { renames });
    expect(actions).toEqual([
      { path: "docs/a.md", action: "merged", text: "TITLE\nbody\nEND\n", renamedFrom: "a.md" },
      { path: "docs/b.md", action: "take-theirs", text: "1\n2\n3\n", renamedFrom: "b.md" },
      { path: "docs/c.md", action: "kept-edited", renamedFrom: "c.md" },
      { path: "docs/d.md", action: "unchanged", renamedFrom: "d.md" },
    ]);
  });

  it("a checkout with CRLF line ends: line ends alone are no edit, and what is written keeps them", () => {
    const crlf = (t: string) => t.replace(/\n/g, "\r\n");
    const base = tree({ unedited: "a\nb\n", edited: "a\nb\nc\nd\ne\n", clash: "a\nb\n", "package.json": '{\n  "a": 1\n}\n' });
    const theirs = tree({ unedited: "a\nB\n", edited: "A\nb\nc\nd\ne\n", clash: "a\nX\n", "package.json": '{\n  "a": 1,\n  "b": 2\n}\n' });
    const ours = tree({ unedited: crlf("a\nb\n"), edited: crlf("a\nb\nc\nd\nmine\n"), clash: crlf("a\nY\n"), "package.json": crlf('{\n  "a": 1,\n  "c": 3\n}\n') });
    const actions = actionsOf(base, theirs, ours);
    expect(byPath(actions)).toEqual({ unedited: "take-theirs", edited: "merged", clash: "conflict", "package.json": "merged" });
    expect(actions.find((a) => a.path === "unedited")).toMatchObject({ text: "a\r\nB\r\n" });
    expect(actions.find((a) => a.path === "edited")).toMatchObject({ text: "A\r\nb\r\nc\r\nd\r\nmine\r\n" });
    for (const a of writes(actions)) expect((a as { text: string }).text.replace(/\r\n/g, ""), a.path).not.toContain("\n");
  });

  it("leaves jam.json and the lockfile out of the merge", () => {
    const actions = actionsOf(tree({ [MANIFEST]: "1", "pnpm-lock.yaml": "1" }), tree({ [MANIFEST]: "2", "pnpm-lock.yaml": "2" }), tree({}));
    expect(actions).toEqual([]);
  });
});

describe("text files", () => {
  it("marks overlapping changes as git merge-file --diff3 does, and counts them", () => {
    const { text, conflicts } = mergeText("a\nb\nc\n", "a\nmine\nc\n", "a\ntheirs\nc\n", labels);
    expect(conflicts).toBe(1);
    expect(text).toBe("a\n<<<<<<< ours\nmine\n||||||| base (create-jam 1)\nb\n=======\ntheirs\n>>>>>>> theirs (create-jam 2)\nc\n");
  });

  it("keeps a last line without a newline, and merges a file both sides added against an empty base", () => {
    expect(mergeText("a\nb", "a\nb", "a\nb\nc", labels)).toEqual({ text: "a\nb\nc", conflicts: 0 });
    const both = actionsOf(tree({}), tree({ f: "x\n" }), tree({ f: "y\n" }));
    expect(both[0]).toMatchObject({ action: "conflict", base: undefined, ours: "y\n", theirs: "x\n" });
  });
});

describe("data files, key by key", () => {
  const pkg = (deps: Record<string, string>, extra: Record<string, unknown> = {}) => `${JSON.stringify({ name: "web", ...extra, dependencies: deps }, null, 2)}\n`;

  it("package.json: a version the user raised survives, an untouched one is bumped, a new one added, one the user removed stays removed", () => {
    const base = pkg({ astro: "6.0.0", react: "19.0.0", zod: "4.0.0", left: "1.0.0" });
    const ours = pkg({ astro: "6.5.0", react: "19.0.0", left: "1.0.0", mine: "2.0.0" }, { scripts: { mine: "x" } });
    const theirs = pkg({ astro: "6.1.0", react: "19.1.0", zod: "4.1.0", left: "1.0.0", added: "3.0.0" });
    const { text, kept } = mergeJson(base, ours, theirs);
    const out = JSON.parse(text);
    expect(out.dependencies).toEqual({ astro: "6.5.0", react: "19.1.0", left: "1.0.0", mine: "2.0.0", added: "3.0.0" });
    expect(out.scripts).toEqual({ mine: "x" });
    // The user's key order: name, scripts, dependencies.
    expect(Object.keys(out)).toEqual(["name", "scripts", "dependencies"]);
    // The user removed zod and the template raised it: the user's choice, listed.
    expect(kept).toEqual(["dependencies.zod"]);
  });

  it("package.json: the template's version wins over a user's lower one, never the reverse", () => {
    const { text } = mergeJson(pkg({ a: "1.0.0" }), pkg({ a: "1.2.0" }), pkg({ a: "2.0.0" }));
    expect(JSON.parse(text).dependencies.a).toBe("2.0.0");
    expect(merge3("1.0.0", "^1.5.0", "1.2.0", ["devDependencies", "a"])).toBe("^1.5.0");
  });

  it("turbo.json: lists are sets, the template's additions and removals applied to the user's", () => {
    const t = (outputs: string[], env: string[]) => JSON.stringify({ tasks: { build: { outputs, env } } });
    const { text, kept } = mergeJson(t(["dist/**"], ["A"]), t(["dist/**", "mine/**"], ["A"]), t(["dist/**", ".open-next/**"], []));
    expect(JSON.parse(text).tasks.build).toEqual({ outputs: ["dist/**", "mine/**", ".open-next/**"], env: [] });
    expect(kept).toEqual([]);
  });

  it("a value both sides changed differently keeps the user's and is listed, with no markers", () => {
    const { text, kept } = mergeJson('{"ui":"stream"}', '{"ui":"tui"}', '{"ui":"other"}');
    expect(JSON.parse(text)).toEqual({ ui: "tui" });
    expect(kept).toEqual(["ui"]);
    expect(text).not.toContain("<<<<<<<");
  });

  it("pnpm-workspace.yaml: the template's new catalog entry lands beside the user's", () => {
    const { text } = mergeYaml("packages:\n  - apps/*\ncatalog:\n  a: 1.0.0\n", "packages:\n  - apps/*\n  - tools/*\ncatalog:\n  a: 1.0.0\n", "packages:\n  - apps/*\ncatalog:\n  a: 1.0.0\n  b: 2.0.0\n");
    expect(text).toBe("packages:\n  - apps/*\n  - tools/*\ncatalog:\n  a: 1.0.0\n  b: 2.0.0\n");
  });

  it(".env.example: per variable, the user's values and lines kept", () => {
    const head = "# Copy to .env\n";
    const { text } = mergeEnv(`${head}\n# A\nA=\n\n# B\nB=\n`, `${head}\n# A\nA=mine\n\n# B\nB=\n\nMY=1\n`, `${head}\n# A\nA=\n\n# C\nC=\n`);
    expect(text).toBe(`${head}\n# A\nA=mine\n\nMY=1\n\n# C\nC=\n`);
  });

  it("a workflow both sides changed on the same lines is merged as data: the user's value kept and listed, no markers", () => {
    const path = ".github/workflows/ci.yml";
    const base = plan().get(path) as string;
    const install = /pnpm install --frozen-lockfile/;
    expect(base).toMatch(install);
    const ours = base.replace(install, "pnpm install --frozen-lockfile --prefer-offline");
    const theirs = base.replace(install, "pnpm install --frozen-lockfile --ignore-scripts").replace(/cancel-in-progress: \w+/, "cancel-in-progress: false");
    expect(mergeText(base, ours, theirs, labels).conflicts).toBeGreaterThan(0);
    const [a] = actionsOf(tree({ [path]: base }), tree({ [path]: theirs }), tree({ [path]: ours }));
    expect(a).toMatchObject({ action: "merged", kept: [expect.stringMatching(/^jobs\.\w+\.steps$/)] });
    const text = (a as { text: string }).text;
    expect(text).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    expect(text).toContain("--prefer-offline");
    // The template's change elsewhere in the file lands.
    expect(parseYamlDoc(text).concurrency["cancel-in-progress"]).toBe(false);
  });

  it("YAML and JSONC changes on different lines are merged line by line, keeping the user's comments", () => {
    const path = ".github/workflows/ci.yml";
    const base = plan().get(path) as string;
    const ours = `# Our CI: keep it fast.\n${base}`;
    const theirs = base.replace(/cancel-in-progress: \w+/, "cancel-in-progress: false");
    const [a] = actionsOf(tree({ [path]: base }), tree({ [path]: theirs }), tree({ [path]: ours }));
    expect(a).toMatchObject({ action: "merged", text: `# Our CI: keep it fast.\n${theirs}` });
  });

  it("a .jsonc file both sides changed on the same line is merged as data: it still parses, the user's value kept", () => {
    const path = "apps/web/biome.jsonc";
    const base = readFileSync(join(repoRoot, "templates/framework-nuxt/files", path), "utf8");
    const rule = /"useVueMultiWordComponentNames": "off"/;
    expect(base).toMatch(rule);
    const ours = base.replace(rule, '"useVueMultiWordComponentNames": "warn"');
    const theirs = base.replace(rule, '"useVueMultiWordComponentNames": "error"').replace('"root": false', '"root": false,\n  "vcs": { "enabled": true }');
    const [a] = actionsOf(tree({ [path]: base }), tree({ [path]: theirs }), tree({ [path]: ours }));
    expect(a).toMatchObject({ action: "merged", kept: ["overrides"] });
    const text = (a as { text: string }).text;
    expect(text).not.toContain("<<<<<<<");
    const errors: unknown[] = [];
    const value = parseJsonc(text, errors as never);
    expect(errors).toEqual([]);
    expect(value.overrides[0].linter.rules.style.useVueMultiWordComponentNames).toBe("warn");
    expect(value.vcs).toEqual({ enabled: true });
  });

  it("a copy that no longer parses is kept as it is, and reported as a conflict", () => {
    const [a] = actionsOf(tree({ "x.json": "{}\n" }), tree({ "x.json": '{"a":1}\n' }), tree({ "x.json": "{ broken" }));
    expect(a).toMatchObject({ action: "conflict", text: "{ broken" });
  });
});

describe("the equivalences", () => {
  const files = (t: FileTree) => new Map([...t].filter(([p]) => p !== MANIFEST));
  const cases: [string, Partial<Choices>, Partial<Choices>][] = [
    ["add search algolia", {}, { search: "algolia" }],
    ["add commerce stripe to Next.js", { framework: "next" }, { framework: "next", commerce: "stripe" }],
    ["add deploy cloudflare to hybrid SvelteKit", { framework: "sveltekit", rendering: "hybrid" }, { framework: "sveltekit", rendering: "hybrid", deploy: ["vercel", "cloudflare"] }],
    ["add content sanity to Hugo", { framework: "hugo" }, { framework: "hugo", content: "sanity" }],
  ];

  it.each(cases)("%s on an unedited project writes exactly a fresh project with it; a second time writes nothing", (_, from, to) => {
    const [base, theirs] = [plan(from), plan(to)];
    const actions = actionsOf(files(base), files(theirs), base);
    const after = new Map(base);
    for (const a of writes(actions)) {
      if (a.action === "delete") after.delete(a.path);
      else after.set(a.path, (a as { text: string }).text);
    }
    after.set(MANIFEST, theirs.get(MANIFEST) as string);
    expect([...after].sort()).toEqual([...theirs]);
    expect(writes(actionsOf(files(theirs), files(theirs), after))).toEqual([]);
  });

  // The next release, as a maintainer makes one: a template file changed, one added, one dropped.
  const baseFiles = store["templates/base/files"] as TemplateStore[string];
  const droppedSource = Object.keys(baseFiles).find((p) => p.startsWith("turbo/")) as string;
  const dropped = droppedSource.replace(/\.hbs$/, "");
  const nextStore: TemplateStore = {
    ...store,
    "templates/base/files": {
      ...Object.fromEntries(Object.entries(baseFiles).filter(([p]) => p !== droppedSource)),
      "biome.json": (baseFiles["biome.json"] as string).replace(/\n}\s*$/, ',\n  "vcs": { "enabled": true }\n}\n'),
      "docs/UPGRADING.md": "# Upgrading\n\nnpx create-jam upgrade\n",
    },
  };
  const sampled = pairwise(registry).allowed.filter((_, i) => i % 6 === 0);

  it.each(sampled.map((c) => [Object.entries(c).map(([k, v]) => `${k} ${v}`).join(", "), c] as const))("upgrading an unedited project (%s) writes exactly a fresh project of the new release; a second upgrade writes nothing", (_, choices) => {
    const [base, theirs] = [plan(choices, {}, registry, store, "1.0.0"), plan(choices, {}, registry, nextStore, "1.1.0")];
    expect(theirs.has("docs/UPGRADING.md") && !theirs.has(dropped)).toBe(true);
    const actions = actionsOf(files(base), files(theirs), base);
    expect(byPath(writes(actions))).toMatchObject({ "biome.json": "take-theirs", "docs/UPGRADING.md": "take-theirs", [dropped]: "delete" });
    const after = new Map(base);
    for (const a of writes(actions)) {
      if (a.action === "delete") after.delete(a.path);
      else after.set(a.path, (a as { text: string }).text);
    }
    after.set(MANIFEST, theirs.get(MANIFEST) as string);
    expect([...after].sort()).toEqual([...theirs].sort());
    expect(writes(actionsOf(files(theirs), files(theirs), after))).toEqual([]);
  });

  it("v1 → v3 gives what v1 → v2 → v3 gives, with the user's edit kept", () => {
    const v3Store: TemplateStore = { ...nextStore, "templates/base/files": { ...nextStore["templates/base/files"], "docs/UPGRADING.md": "# Upgrading\n\nnpx create-jam upgrade --dry-run first\n" } };
    const choices = { framework: "sveltekit", commerce: "stripe" } as const;
    const [v1, v2, v3] = [plan(choices, {}, registry, store, "1.0.0"), plan(choices, {}, registry, nextStore, "2.0.0"), plan(choices, {}, registry, v3Store, "3.0.0")];
    const upgrade = (from: FileTree, to: FileTree, ours: FileTree) => {
      const after = new Map(ours);
      for (const a of writes(actionsOf(files(from), files(to), ours))) {
        if (a.action === "delete") after.delete(a.path);
        else after.set(a.path, (a as { text: string }).text);
      }
      after.set(MANIFEST, to.get(MANIFEST) as string);
      return after;
    };
    // An edit far from the line every release changes (the last: "Made with create-jam <version>").
    const edited = new Map(v1).set("README.md", (v1.get("README.md") as string).replace("\n", "\n\nOur notes.\n"));
    const direct = upgrade(v1, v3, edited);
    expect([...direct].sort()).toEqual([...upgrade(v2, v3, upgrade(v1, v2, edited))].sort());
    expect(direct.get("README.md")).toContain("Our notes.");
    expect(direct.get("docs/UPGRADING.md")).toContain("--dry-run first");
  });

  it("upgrading to the same version writes nothing", () => {
    const t = plan({ framework: "nuxt", rendering: "hybrid", commerce: "snipcart" });
    expect(writes(actionsOf(files(t), files(t), t))).toEqual([]);
  });

  it("records the hash of every planned file but jam.json, which is what a base is checked against", () => {
    const t = plan();
    expect(JSON.parse(t.get(MANIFEST) as string).baseTree).toBe(treeHash(files(t)));
  });
});

describe("jam.json", () => {
  it("lists the choices in the kinds' order, whatever order they were given in", async () => {
    const { planProject } = await import("../src/engine/plan.ts");
    const { registry } = await import("../src/engine/registry.ts");
    const { resolveStack } = await import("../src/engine/stack.ts");
    const { defaultChoices, defaultOptions, store } = await import("./helpers.ts");
    const given = Object.fromEntries(Object.entries({ ...defaultChoices, search: "algolia" }).reverse()) as unknown as Choices;
    const manifest = (c: Choices) => planProject({ registry, stack: resolveStack(registry, c), options: defaultOptions, store, version: "0.0.0-test" }).get(MANIFEST);
    expect(manifest(given)).toBe(manifest({ ...defaultChoices, search: "algolia" }));
  });
});
