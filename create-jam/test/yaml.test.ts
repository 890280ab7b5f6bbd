// create-jam's YAML writer (src/engine/yaml.ts) against two readers: js-yaml (YAML 1.1's booleans,
// what pnpm reads pnpm-workspace.yaml with) and yaml (YAML 1.2). Whatever it writes reads back as
// the value it was given, for tricky strings and for every YAML file of every planned stack.
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { pairwise } from "../src/engine/matrix.ts";
import { registry } from "../src/engine/registry.ts";
import { toYaml } from "../src/engine/yaml.ts";
import { plan } from "./helpers.ts";

const roundTrips = (value: Record<string, unknown>) => {
  const text = toYaml(value);
  expect(parse(text), text).toEqual(value);
  expect(load(text), text).toEqual(value);
  return text;
};

describe("toYaml", () => {
  it("reads back as the same value in both readers, quoting what a reader would take for something else", () => {
    const strings = ["true", "yes", "No", "on", "off", "null", "~", "", " lead", "trail ", "1", "1.0", "0x1f", "1e3", "6.0.0", "1.2.3-beta.1", "@scope/pkg", "a: b", "a #b", "#c", "- d", "multi\nline", "${{ github.ref }}", "it's", 'say "hi"', "é", "*", "&x", "!tag", "%x", "{a}", "[b]", "a,b", "Build, type-check and lint"];
    roundTrips({ strings, map: Object.fromEntries(strings.map((s, i) => [s || "empty", i])) });
    roundTrips({ n: 24, f: 1.5, yes: true, no: false, nothing: null, empty: {}, none: [], nested: [{ a: 1, b: [{ c: "x" }] }, ["y", []]] });
  });

  it("writes plain what needs no quotes", () => {
    expect(toYaml({ packages: ["apps/*", "packages/*"], catalog: { "@types/node": "24.19.2", typescript: "5.9.3" }, resolutionMode: "time-based" })).toBe(
      'packages:\n  - apps/*\n  - packages/*\ncatalog:\n  "@types/node": 24.19.2\n  typescript: 5.9.3\nresolutionMode: time-based\n',
    );
  });

  // Computed once, outside the test's time limit: the pairwise set reads the whole matrix.
  const stacks = pairwise(registry).allowed;
  it("round-trips every YAML file of every pairwise stack", () => {
    let files = 0;
    for (const choices of stacks) {
      for (const [path, text] of plan(choices)) {
        if (!/\.ya?ml$/.test(path)) continue;
        files++;
        const value = parse(text);
        expect(load(text), path).toEqual(value);
        expect(toYaml(value), path).toBe(text);
      }
    }
    expect(files).toBeGreaterThan(50);
  });
});
