import { describe, expect, it } from "vitest";
import { defineModule } from "../src/engine/define.ts";
import { JamError } from "../src/engine/errors.ts";
import { registry } from "../src/engine/registry.ts";
import { compatibleOptions, resolveStack, type Registry } from "../src/engine/stack.ts";

// A made-up registry: the real one has no conflicting pair yet, and the rule mechanism must be
// right before the first module relies on it.
const mod = (kind: "framework" | "rendering" | "search" | "deploy" | "content", id: string, rules = {}) =>
  defineModule({ name: `@create-jam/template-${kind}-${id}`, version: "1.0.0" }, { id, kind, label: id.toUpperCase(), hint: "", ...rules });
const fake: Registry = [
  defineModule({ name: "@create-jam/template-base", version: "1.0.0" }, { id: "base", kind: "base", label: "base", hint: "", node: "18.0.0" }),
  mod("framework", "static-only", { node: "22.12.0", rules: [{ kind: "deploy", ids: ["pages"], why: "it only makes files a static host serves" }] }),
  mod("framework", "both"),
  mod("rendering", "static"),
  mod("content", "md"),
  mod("search", "find"),
  mod("deploy", "pages"),
  mod("deploy", "serverless"),
];

describe("resolveStack", () => {
  it("resolves the real defaults with the base first and the highest Node floor", () => {
    const stack = resolveStack(registry, { framework: "astro", rendering: "static", content: "markdown", search: "pagefind", deploy: ["vercel", "netlify"] });
    expect(stack.modules.map((m) => m.id)).toEqual(["base", "astro", "static", "markdown", "pagefind", "vercel", "netlify"]);
    expect(stack.node).toBe("22.18.0");
  });

  it("explains a broken rule with the module's own words and both fixes", () => {
    const run = () => resolveStack(fake, { framework: "static-only", rendering: "static", content: "md", search: "none", deploy: ["serverless"] });
    expect(run).toThrow(JamError);
    try {
      run();
    } catch (e) {
      expect((e as JamError).message).toBe("--framework static-only does not work with --deploy serverless: it only makes files a static host serves.");
      expect((e as JamError).fix).toBe("Either use --deploy pages, or pick --framework both.");
      expect((e as JamError).exitCode).toBe(2);
    }
  });

  it("takes the highest Node requirement", () => {
    expect(resolveStack(fake, { framework: "static-only", rendering: "static", content: "md", search: "find", deploy: ["pages"] }).node).toBe("22.12.0");
  });

  it("rejects unknown ids", () => {
    expect(() => resolveStack(fake, { framework: "nope", rendering: "static", content: "md", search: "none", deploy: [] })).toThrow(/Unknown choice --framework nope/);
  });

  it("offers only compatible options, both ways", () => {
    expect(compatibleOptions(fake, "deploy", { framework: "static-only" }).map((m) => m.id)).toEqual(["pages"]);
    expect(compatibleOptions(fake, "framework", { deploy: ["serverless"] }).map((m) => m.id)).toEqual(["both"]);
    expect(compatibleOptions(fake, "framework", {}).map((m) => m.id)).toEqual(["static-only", "both"]);
  });
});
