// What the CLI prints, checked where it is made: --help, the exit codes in help and the READMEs, the
// last screen's layout, the reproduce command, the options a prompt shows disabled.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { helpText } from "../src/cli/help.ts";
import { wrap } from "../src/cli/text.ts";
import { commandHelp, newVariables } from "../src/cli/update.ts";
import { reproduceCommand, reproduceParts, shellLines } from "../src/engine/command.ts";
import { allOf, EXIT, EXIT_CODES, exitCodeLines, exitCodeMarkdown, JamError } from "../src/engine/errors.ts";
import { registry } from "../src/engine/registry.ts";
import { optionStates } from "../src/engine/stack.ts";
import { defaultChoices, repoRoot } from "./helpers.ts";

describe("exit codes", () => {
  it("are one table: a usage error is 2, conflicts are not", () => {
    expect(EXIT).toMatchObject({ ok: 0, failed: 1, usage: 2, postStep: 3, conflicts: 4, interrupted: 130 });
    expect(new Set(EXIT_CODES.map((e) => e.code)).size).toBe(EXIT_CODES.length);
    expect(new JamError("x").exitCode).toBe(EXIT.usage);
  });

  it("--help, the commands' help and both READMEs print that table", () => {
    const help = helpText(registry, "1.0.0");
    for (const line of exitCodeLines()) {
      expect(help).toContain(`${line}\n`);
      expect(commandHelp()).toContain(`${line}\n`);
    }
    // "Nothing to change" is the success --help names.
    expect(help).toMatch(/\n {2}0 +done; for add and upgrade also: nothing to change\n/);
    for (const readme of ["README.md", "create-jam/README.md"]) expect(readFileSync(join(repoRoot, readme), "utf8"), readme).toContain(exitCodeMarkdown());
  });
});

describe("--help", () => {
  const help = helpText(registry, "1.0.0");
  it("keeps every id apart from its label, says none once, and leaves the prompt's keys to the prompt", () => {
    expect(help).toMatch(/\n {6}github-pages {2,}GitHub Pages: /);
    expect(help).not.toMatch(/\S(?:GitHub Pages|Cloudflare):/);
    expect(help).not.toContain("Or none. Or none.");
    expect(help).not.toContain("Default: none. Or none.");
    expect(help).toContain("--commerce <id>  Sell products? Default: none.\n");
    expect(help).not.toContain("space selects");
  });
});

describe("the last screen's text", () => {
  it("wraps between words, with the hang on later lines, and cuts only a word longer than a line", () => {
    expect(wrap("aaa bbb ccc", 7)).toEqual(["aaa bbb", "ccc"]);
    expect(wrap("  cmd     # one two three", 17, "          # ")).toEqual(["  cmd     # one", "          # two", "          # three"]);
    expect(wrap("x".repeat(10), 4)).toEqual(["xxxx", "xxxx", "xx"]);
    expect(wrap("a\nb", 10)).toEqual(["a", "b"]);
  });

  it("gives the reproduce command in shell lines of 80 columns that join to the one command, the folder quoted", () => {
    const choices = { ...defaultChoices, deploy: ["vercel", "netlify", "cloudflare", "github-pages"], flags: ["anonymous-comments"] };
    const options = { name: "my-site", install: true, git: true };
    const lines = shellLines(reproduceParts(choices, options, "1.2.3", "My Site"), 80);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines.slice(0, -1).every((l) => l.endsWith(" \\"))).toBe(true);
    expect(lines.join("\n").replace(/ \\\n {2}/g, " ")).toBe(reproduceCommand(choices, options, "1.2.3", "My Site"));
    expect(lines[0]).toMatch(/^npm create jam@1\.2\.3 'My Site' -- /);
    expect(reproduceCommand(choices, options, "1.2.3", "../x")).toMatch(/^npm create jam@1\.2\.3 \.\.\/x -- /);
    expect(reproduceCommand(choices, options, "1.2.3", "it's")).toMatch(/^npm create jam@1\.2\.3 'it'\\''s' -- /);
    // jam.json's command, which cannot know the folder, names the package.
    expect(reproduceCommand(choices, options, "1.2.3")).toMatch(/^npm create jam@1\.2\.3 my-site -- /);
  });
});

describe("optionStates", () => {
  it("gives each ruled-out option the rule's own reason, and leaves the rest open", () => {
    const states = optionStates(registry, "framework", { rendering: "hybrid" });
    const gatsby = states.find((s) => s.module.id === "gatsby");
    expect(gatsby?.reason).toMatch(/^not with Hybrid \(SSG \+ ISR \+ functions\): Gatsby/);
    expect(states.find((s) => s.module.id === "astro")?.reason).toBeUndefined();
    const pages = optionStates(registry, "deploy", { framework: "astro", rendering: "static", commerce: "stripe" }).find((s) => s.module.id === "github-pages");
    expect(pages?.reason).toMatch(/^not with Stripe: GitHub Pages serves files and runs no server routes/);
  });

  it("rules out the options that cannot meet a need only this kind can still meet, saying whose need", () => {
    const given = { ...defaultChoices, auth: "auth0", deploy: undefined } as never;
    const pages = optionStates(registry, "deploy", given).find((s) => s.module.id === "github-pages");
    expect(pages?.reason).toBeDefined();
    const hugoSignIn = optionStates(registry, "deploy", { framework: "hugo", rendering: "static", content: "markdown", commerce: "none", auth: "auth0", backend: "none", search: "none" });
    expect(hugoSignIn.find((s) => s.module.id === "vercel")?.reason).toBeUndefined();
    expect(hugoSignIn.find((s) => s.module.id === "github-pages")?.reason).toBeDefined();
  });

  it("rules out sign-in beside --anonymous-comments, with the flag's reason", () => {
    const auth = optionStates(registry, "auth", { backend: "supabase", flags: ["anonymous-comments"] });
    expect(auth.every((s) => s.reason?.startsWith("not with --anonymous-comments: "))).toBe(true);
  });
});

describe("allOf", () => {
  it("is one error for one problem, and a numbered list with each fix for several", () => {
    const a = new JamError("A is wrong.", "Fix A.");
    expect(allOf([a])).toBe(a);
    expect(allOf([])).toBeUndefined();
    const both = allOf([a, new JamError("B is wrong.", "Fix B."), a]);
    expect(both?.message).toBe("2 problems, each with its fix:\n  1. A is wrong.\n     Fix A.\n  2. B is wrong.\n     Fix B.");
    expect(both?.exitCode).toBe(EXIT.usage);
  });
});

describe("newVariables", () => {
  it("lists the variables the new .env.example sets that the old did not, with their comments", () => {
    const before = "# head\n\n# Base: the port\nFUNCTIONS_PORT=8888\n";
    const after = `${before}\n# Algolia: the app id (public)\nALGOLIA_APP_ID=\n`;
    expect(newVariables(before, after)).toEqual([{ name: "ALGOLIA_APP_ID", description: "Algolia: the app id (public)" }]);
    expect(newVariables(after, after)).toEqual([]);
  });
});
