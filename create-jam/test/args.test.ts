import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/cli/args.ts";
import { registry } from "../src/engine/registry.ts";
import { modulesOf } from "../src/engine/stack.ts";
import { toPackageName } from "../src/engine/target.ts";

const parse = (...argv: string[]) => parseCliArgs(argv, registry);

describe("parseCliArgs", () => {
  it("reads choices, lists and negations", () => {
    const a = parse("site", "--framework=next", "--deploy", "vercel,netlify", "--no-install", "--git", "-y");
    expect(a).toMatchObject({ dir: "site", choices: { framework: "next", deploy: ["vercel", "netlify"] }, install: false, git: true, yes: true });
    expect(parse("--deploy", "vercel", "--deploy", "netlify").choices.deploy).toEqual(["vercel", "netlify"]);
    expect(parse("--deploy", "none").choices.deploy).toEqual([]);
  });

  it("suggests the nearest flag and value", () => {
    expect(() => parse("--framwork", "next")).toThrow(/Unknown flag --framwork/);
    try { parse("--framwork", "next"); } catch (e) { expect((e as { fix: string }).fix).toMatch(/^Did you mean --framework\?/); }
    try { parse("--framework", "nxt"); } catch (e) { expect((e as { fix: string }).fix).toBe(`Did you mean next? Allowed: ${modulesOf(registry, "framework").map((m) => m.id).join(", ")}.`); }
  });

  it("rejects contradictions and missing values", () => {
    expect(() => parse("--install", "--no-install")).toThrow(/contradict/);
    expect(() => parse("--framework")).toThrow(/needs a value/);
    expect(() => parse("--deploy", "none,vercel")).toThrow(/cannot be combined/);
    expect(() => parse("a", "b")).toThrow(/Too many arguments/);
  });
});

describe("toPackageName", () => {
  it("turns folder names into package names", () => {
    expect(toPackageName("My Site")).toBe("my-site");
    expect(toPackageName("  Été Blog!! ")).toBe("ete-blog");
    expect(toPackageName("_private")).toBe("private");
    expect(toPackageName("***")).toBe("");
  });

  it("folds accented letters instead of dropping them", () => {
    expect(toPackageName("café-shop")).toBe("cafe-shop");
    expect(toPackageName("Ünïcödé")).toBe("unicode");
    expect(toPackageName("Straße Ærø Łódź")).toBe("strasse-aero-lodz");
    // Full-width and other compatibility forms fold too; a script without Latin letters has none to keep.
    expect(toPackageName("ｍｙ－ｓｉｔｅ")).toBe("my-site");
    expect(toPackageName("東京")).toBe("");
  });
});
