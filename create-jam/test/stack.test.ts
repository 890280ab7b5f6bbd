import { describe, expect, it } from "vitest";
import { defineModule } from "../src/engine/define.ts";
import { JamError } from "../src/engine/errors.ts";
import { registry } from "../src/engine/registry.ts";
import { compatibleOptions, incompatibilities, neededFrom, resolveStack, type Registry } from "../src/engine/stack.ts";

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
    const stack = resolveStack(registry, { framework: "astro", rendering: "static", content: "markdown", commerce: "none", auth: "none", backend: "none", search: "pagefind", deploy: ["vercel", "netlify"] });
    expect(stack.modules.map((m) => m.id)).toEqual(["base", "astro", "static", "markdown", "pagefind", "vercel", "netlify"]);
    expect(stack.node).toBe("22.18.0");
  });

  it("explains a broken rule with the module's own words and both fixes", () => {
    const run = () => resolveStack(fake, { framework: "static-only", rendering: "static", content: "md", commerce: "none", auth: "none", backend: "none", search: "none", deploy: ["serverless"] });
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
    expect(resolveStack(fake, { framework: "static-only", rendering: "static", content: "md", commerce: "none", auth: "none", backend: "none", search: "find", deploy: ["pages"] }).node).toBe("22.12.0");
  });

  it("rejects unknown ids", () => {
    expect(() => resolveStack(fake, { framework: "nope", rendering: "static", content: "md", commerce: "none", auth: "none", backend: "none", search: "none", deploy: [] })).toThrow(/Unknown choice --framework nope/);
  });

  it("offers only compatible options, both ways", () => {
    expect(compatibleOptions(fake, "deploy", { framework: "static-only" }).map((m) => m.id)).toEqual(["pages"]);
    expect(compatibleOptions(fake, "framework", { deploy: ["serverless"] }).map((m) => m.id)).toEqual(["both"]);
    expect(compatibleOptions(fake, "framework", {}).map((m) => m.id)).toEqual(["static-only", "both"]);
  });
});

describe("needs: a capability some other chosen module provides", () => {
  const real = (c: Partial<Parameters<typeof resolveStack>[1]>) => () =>
    resolveStack(registry, { framework: "astro", rendering: "static", content: "markdown", commerce: "none", auth: "none", backend: "none", search: "none", deploy: [], ...c });

  it("refuses sign-in on a static site with no host for its functions, naming every fix", () => {
    expect(real({ auth: "auth0" })).toThrow(
      expect.objectContaining({
        message: "--auth auth0 needs a server for its functions (/api/*): sign-in, its callback and the session are server routes.",
        fix: "Either use --rendering hybrid, or add --deploy vercel|netlify|cloudflare.",
      }),
    );
    expect(real({ commerce: "stripe" })).toThrow(/--commerce stripe needs a server for its functions/);
  });

  it("is met by hybrid rendering or by either host, and Snipcart needs none", () => {
    expect(real({ auth: "auth0", rendering: "hybrid" })).not.toThrow();
    expect(real({ auth: "auth0", deploy: ["netlify"] })).not.toThrow();
    expect(real({ commerce: "stripe", deploy: ["vercel"] })).not.toThrow();
    expect(real({ commerce: "snipcart" })).not.toThrow();
  });

  it("waits for every kind that could meet it before refusing flags given ahead of the questions", () => {
    const auth0 = registry.filter((m) => m.id === "auth0" || m.id === "static");
    expect(incompatibilities(registry, auth0, (kind) => kind === "rendering")).toEqual([]);
    expect(incompatibilities(registry, auth0, (kind) => kind === "rendering" || kind === "deploy")).toHaveLength(1);
  });

  it("leaves the last kind that could meet it to offer only its providers", () => {
    expect(neededFrom(registry, "deploy", { rendering: "static", auth: "auth0" })).toEqual(["functions"]);
    expect(neededFrom(registry, "deploy", { rendering: "hybrid", auth: "auth0" })).toEqual([]);
    expect(neededFrom(registry, "deploy", { rendering: "static", auth: "none" })).toEqual([]);
  });
});

describe("conditional and derived contributions", () => {
  const framework = defineModule(
    { name: "@create-jam/template-framework-x", version: "1.0.0" },
    {
      id: "x",
      kind: "framework",
      label: "X",
      hint: "",
      data: { outDir: "dist" },
      when: [
        { with: ["search:find"], files: "files-search", data: { outDir: "dist/client" } },
        { with: ["search:find", "deploy:serverless"], gitignore: [".serverless/"] },
      ],
    },
  );
  const search = defineModule(
    { name: "@create-jam/template-search-find", version: "1.0.0" },
    { id: "find", kind: "search", label: "Find", hint: "", turbo: { tasks: {}, alsoOnBuild: ["index"] }, derive: (v) => ({ gitignore: [`${v.framework.outDir}/index/`] }) },
  );
  const reg: Registry = [fake[0], framework, fake[3], fake[4], search, fake[6], fake[7]];
  const choose = (s: string, deploy: string[]) => resolveStack(reg, { framework: "x", rendering: "static", content: "md", commerce: "none", auth: "none", backend: "none", search: s, deploy });

  it("adds a conditional only when every module it names is chosen", () => {
    expect(choose("none", ["serverless"]).parts.flatMap((p) => p.gitignore ?? [])).toEqual([]);
    const ofX = (s: string) => choose(s, ["pages"]).parts.filter((p) => p.module === framework).map((p) => p.files);
    expect(ofX("find")).toEqual(["files", "files-search"]);
    expect(ofX("none")).toEqual(["files"]);
    expect(choose("find", ["serverless"]).parts.flatMap((p) => p.gitignore ?? [])).toEqual([".serverless/", "dist/client/index/"]);
  });

  it("lets later parts override data, and derives from the result", () => {
    expect(choose("none", []).view.framework.outDir).toBe("dist");
    expect(choose("find", []).view.framework.outDir).toBe("dist/client");
    expect(choose("find", []).view.buildTasks).toEqual(["build", "index"]);
    expect(choose("none", []).view.buildTasks).toEqual(["build"]);
  });
});
