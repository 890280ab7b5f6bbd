// A person at a terminal: prompts for what flags did not give, Ctrl+C anywhere writes nothing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listAll, tempDir } from "../helpers.ts";
import { KEY, startInteractive } from "./pty.ts";

describe("create-jam at a terminal", () => {
  it("asks for each choice and writes what was answered", async () => {
    const cwd = tempDir();
    const t = startInteractive([], cwd);
    await t.answer("Project folder?", `blog${KEY.enter}`);
    await t.answer("Which framework?", `${KEY.down}${KEY.enter}`); // astro -> next
    await t.answer("How are pages rendered?", `${KEY.down}${KEY.enter}`); // static -> hybrid
    await t.answer("Where does the content come from?", `${KEY.down}${KEY.enter}`); // markdown -> sanity
    await t.answer("Sell products?", `${KEY.up}${KEY.enter}`); // none -> snipcart (the CMS holds the products)
    await t.answer("Sign-in for visitors?", `${KEY.up}${KEY.up}${KEY.up}${KEY.enter}`); // none -> firebase -> supabase -> auth0
    await t.answer("A backend for comments on posts?", `${KEY.up}${KEY.enter}`); // none -> firebase
    await t.answer("Site search?", `${KEY.down}${KEY.down}${KEY.enter}`); // pagefind -> algolia -> none
    await t.answer("Where will it deploy?", `${KEY.down}${KEY.space}${KEY.enter}`); // vercel + netlify
    await t.answer("Install dependencies now", `${KEY.down}${KEY.enter}`); // Yes -> No
    await t.answer("Create a git repository?", `${KEY.down}${KEY.enter}`);
    expect(await t.exited, t.plain()).toBe(0);
    const jam = JSON.parse(readFileSync(join(cwd, "blog/jam.json"), "utf8"));
    expect(jam.choices).toEqual({ framework: "next", rendering: "hybrid", content: "sanity", commerce: "snipcart", auth: "auth0", backend: "firebase", search: "none", deploy: ["vercel", "netlify"] });
    expect(jam.command).toContain("--no-install --no-git");
    // The last screen stays inside the prompts' frame, and its next steps fit the stack: a hybrid
    // Next.js site's dev server on Next's port, and a build that is not called static.
    const screen = t.plain();
    expect(screen).toMatch(/│\s+pnpm dev\s+# http:\/\/localhost:3000: the site and its functions/);
    expect(screen).toMatch(/│\s+pnpm build\s+# pre-rendered pages and the server for the rest/);
    expect(screen).toMatch(/\nMake it again \(the same project, in the same folder\):\r?\nnpm create jam@[^ ]+ blog -- /);
    expect(screen).not.toContain("static site");
    // With sign-in, comments are the session's: the anonymous-comments question is not asked.
    expect(t.plain()).not.toContain("Let visitors comment without signing in");
    expect(existsSync(join(cwd, "blog/.git"))).toBe(false);
  });

  it("asks about a chosen module's own option the flags left open, and records the answer", async () => {
    const cwd = tempDir();
    const t = startInteractive(["site", "--framework", "astro", "--rendering", "static", "--content", "markdown", "--commerce", "none", "--auth", "none", "--backend", "supabase", "--search", "none", "--deploy", "netlify", "--no-install", "--no-git"], cwd);
    await t.answer("Let visitors comment without signing in, under a name they give?", `${KEY.down}${KEY.enter}`); // No -> Yes
    expect(await t.exited, t.plain()).toBe(0);
    const jam = JSON.parse(readFileSync(join(cwd, "site/jam.json"), "utf8"));
    expect(jam.choices.flags).toEqual(["anonymous-comments"]);
    expect(jam.command).toContain("--anonymous-comments");
  });

  it("fits its last screen in 80 columns, a notice in the prompts' gutter, and the reproduce command outside any box", async () => {
    const cwd = tempDir();
    const flags = ["--framework", "next", "--rendering", "hybrid", "--content", "sanity", "--commerce", "stripe", "--auth", "none", "--backend", "supabase", "--search", "algolia", "--no-install", "--no-git"];
    const t = startInteractive(["My Site", ...flags], cwd, { cols: 80 });
    await t.answer("Where will it deploy?", KEY.enter);
    await t.answer("Let visitors comment without signing in", KEY.enter);
    expect(await t.exited, t.plain()).toBe(0);
    const lines = t.plain().split(/\r?\n/).map((l) => l.replace(/\r/g, ""));
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
    // The rename notice, wrapped, stays behind the gutter's bar.
    const notice = lines.findIndex((l) => l.startsWith("●  Using \"my-site\" as the package name"));
    expect(notice, t.plain()).toBeGreaterThan(-1);
    expect(lines[notice + 1]).toMatch(/^│  \S/);
    // The command: its own lines after the frame, no border glyph, one shell command with the folder as given.
    const start = lines.findIndex((l) => l.startsWith("Make it again"));
    const command = lines.slice(start + 1, lines.findIndex((l, i) => i > start && l === ""));
    for (const line of command) expect(line).not.toMatch(/[│┌┐└┘─◇◆●]/);
    const jam = JSON.parse(readFileSync(join(cwd, "My Site/jam.json"), "utf8"));
    expect(command.join("\n").replace(/ \\\n {2}/g, " ")).toBe(jam.command.replace(" my-site -- ", " 'My Site' -- "));
    // Nothing in the box is broken mid-word: the build line wraps at a space, under its "#".
    expect(t.plain()).toMatch(/│ {4}pnpm build {4}# pre-rendered pages and the server for the rest; not +│\r?\n│ {18}# cached by turbo, which cannot see a change in Sanity +│/);
  });

  it("catches a non-empty folder at the folder prompt, before any other question: another folder, or --overwrite's choice", async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "site"));
    writeFileSync(join(cwd, "site/notes.txt"), "mine");
    writeFileSync(join(cwd, "file"), "x");
    const t = startInteractive([], cwd);
    // What no answer fixes is refused by the prompt itself.
    await t.answer("Project folder?", `file${KEY.enter}`);
    await t.answer("is a file, not a folder", `${"\x7f".repeat(4)}site${KEY.enter}`);
    // A non-empty one: pick another (the default), back at the folder question.
    await t.answer("site is not empty. What now?", KEY.enter);
    await t.answer(/Pick another folder\r?\n│\r?\n◆ {2}Project folder\?/, `blog${KEY.enter}`);
    await t.answer("Which framework?", KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(t.plain().indexOf("not empty")).toBeLessThan(t.plain().indexOf("Which framework?"));
    expect(listAll(cwd)).toEqual(["file", "site", "site/notes.txt"]);
  });

  it("replaces a non-empty folder chosen at the folder prompt when asked to, as --overwrite does", async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "site"));
    writeFileSync(join(cwd, "site/notes.txt"), "mine");
    const t = startInteractive(["--framework", "astro", "--rendering", "static", "--content", "markdown", "--commerce", "none", "--auth", "none", "--backend", "none", "--search", "none", "--deploy", "none", "--no-install", "--no-git"], cwd);
    await t.answer("Project folder?", `site${KEY.enter}`);
    await t.answer("site is not empty. What now?", `${KEY.down}${KEY.enter}`); // another -> replace
    expect(await t.exited, t.plain()).toBe(0);
    expect(existsSync(join(cwd, "site/notes.txt"))).toBe(false);
    expect(existsSync(join(cwd, "site/jam.json"))).toBe(true);
  });

  it("asks about a non-empty folder given as the argument before the first question", async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "site"));
    writeFileSync(join(cwd, "site/notes.txt"), "mine");
    const t = startInteractive(["site"], cwd);
    await t.answer("is not empty. What now?", KEY.enter); // Cancel
    expect(await t.exited).toBe(130);
    expect(t.plain()).not.toContain("Which framework?");
    expect(readFileSync(join(cwd, "site/notes.txt"), "utf8")).toBe("mine");
  });

  it("shows what earlier answers rule out as disabled, with the rule's reason", async () => {
    const cwd = tempDir();
    const t = startInteractive(["site", "--rendering", "hybrid", "--no-install", "--no-git"], cwd);
    await t.answer(/Gatsby \(not with Hybrid \(SSG \+ ISR \+ functions\): [^)]/, KEY.enter); // astro
    await t.answer("Where does the content come from?", KEY.ctrlC);
    expect(await t.exited).toBe(130);
    for (const shown of ["Eleventy (not with Hybrid (SSG + ISR + functions): Eleventy writes static files only)", "Hugo (not with Hybrid"]) expect(t.plain()).toContain(shown);
    expect(listAll(cwd)).toEqual([]);
  });

  it("offers what the flags offer: --anonymous-comments once a comments backend is picked at its prompt without sign-in", async () => {
    const cwd = tempDir();
    const t = startInteractive(["site", "--framework", "astro", "--rendering", "static", "--content", "markdown", "--commerce", "none", "--auth", "none", "--search", "none", "--deploy", "netlify", "--no-install", "--no-git"], cwd);
    await t.answer("A backend for comments on posts?", `${KEY.up}${KEY.up}${KEY.enter}`); // none -> firebase -> supabase
    await t.answer("Let visitors comment without signing in, under a name they give?", `${KEY.down}${KEY.enter}`); // No -> Yes
    expect(await t.exited, t.plain()).toBe(0);
    const jam = JSON.parse(readFileSync(join(cwd, "site/jam.json"), "utf8"));
    expect(jam.choices).toMatchObject({ backend: "supabase", flags: ["anonymous-comments"] });
  });

  it("never asks with --json, even at a terminal (stdout is the object's): it names what is missing", async () => {
    const cwd = tempDir();
    const t = startInteractive(["site", "--json", "--framework", "astro"], cwd);
    expect(await t.exited, t.plain()).toBe(2);
    expect(t.plain()).toContain("--json never asks, and these are missing: --rendering static|hybrid");
    expect(t.plain()).not.toContain("Which framework?");
    expect(listAll(cwd)).toEqual([]);
  });

  it("skips the questions its flags answer", async () => {
    const cwd = tempDir();
    const t = startInteractive(["site", "--framework", "astro", "--rendering", "static", "--content", "markdown", "--deploy", "none", "--no-install"], cwd);
    await t.answer("Sell products?", KEY.enter);
    await t.answer("Sign-in for visitors?", KEY.enter);
    await t.answer("A backend for comments on posts?", KEY.enter);
    await t.answer("Site search?", KEY.enter);
    await t.answer("Create a git repository?", `${KEY.down}${KEY.enter}`);
    expect(await t.exited, t.plain()).toBe(0);
    for (const q of ["Project folder?", "Which framework?", "How are pages rendered?", "Where will it deploy?", "Install dependencies"]) expect(t.plain()).not.toContain(q);
    expect(existsSync(join(cwd, "site/apps/web/vercel.json"))).toBe(false);
  });

  it.each([
    ["the first question", [] as [string, string][]],
    ["a later question", [["Project folder?", `x${KEY.enter}`], ["Which framework?", `${KEY.down}${KEY.enter}`]] as [string, string][]],
  ])("exits on Ctrl+C at %s and writes nothing", async (_, before) => {
    const cwd = tempDir();
    const t = startInteractive([], cwd);
    for (const [q, keys] of before) await t.answer(q, keys);
    await t.answer(before.length ? "How are pages rendered?" : "Project folder?", KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(t.plain()).toContain("Cancelled: nothing was written.");
    expect(listAll(cwd)).toEqual([]);
  });
});
