// A security fix reaches the sites already made: a project made by the last release before the
// fixes of issue 26 (the sign-in flow cookie accepted as a session, an open redirect through
// unnormalised return paths) gets them through `npx create-jam@latest upgrade`, with its owner's
// edit in the same file kept. Through a local registry, as release.test.ts: the previous release
// is made from that commit, the fix is the repository's HEAD merged on top (as a maintainer's
// next release would be), both released with `pnpm release`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editFile, repoRoot, tempDir } from "../helpers.ts";
import { pnpm } from "./helpers.ts";
import { startLocalRegistry } from "./local-registry.ts";

/** main before the security fixes: every project made until then has the holes. */
const PREVIOUS_RELEASE = "223cbdf8f11e5a2d6666c6718a6359e92d134e33";

const work = tempDir("jam-security-upgrade-");
const clone = join(work, "repo");
const site = join(work, "projects/site");
const session = join(site, "packages/functions/src/auth/session.ts");
let registry: Awaited<ReturnType<typeof startLocalRegistry>>;
const read = (...p: string[]) => readFileSync(join(...p), "utf8");

beforeAll(async () => {
  registry = await startLocalRegistry(work);
  await registry.must("git", ["clone", "-q", repoRoot, clone], work);
  await registry.must("git", ["branch", "-q", "fixed"], clone);
  await registry.must("git", ["checkout", "-q", "-b", "previous", PREVIOUS_RELEASE], clone);
  await pnpm(clone, "install", "--frozen-lockfile", "--offline");
}, 600_000);
afterAll(() => registry?.close());

describe("a security fix, released, reaches a project the previous release made", () => {
  it("the previous release makes a site with sign-in, and its owner edits the session file", async () => {
    const out = await registry.must("node", ["scripts/release.ts", "--registry", registry.url], clone);
    expect(out).toMatch(/Released create-jam [\d.]+ to /);
    await registry.must("git", ["commit", "-qam", "the previous release"], clone);
    await registry.must("mkdir", ["-p", join(work, "projects")], work);
    await registry.must("npm", ["create", "jam@latest", "site", "--", "--yes", "--auth", "auth0", "--no-install", "--git"], join(work, "projects"));
    // The hole, as the previous release wrote it: the flow cookie is sealed like the session.
    expect(read(session)).not.toContain("PURPOSES");
    editFile(session, (t) => t.replace("  picture?: string;\n}", "  picture?: string;\n  /** Mine: the visitor's language, set by our own callback. */\n  locale?: string;\n}"));
    await registry.must("git", ["commit", "-qam", "my session field"], site);
  });

  it("the fix, released next, lands through upgrade with the owner's edit kept", async () => {
    // The fix on top of the previous release, as a maintainer's next release is.
    await registry.must("git", ["merge", "-q", "--no-edit", "fixed"], clone);
    await pnpm(clone, "install", "--frozen-lockfile", "--offline");
    await registry.must("node", ["scripts/release.ts", "--registry", registry.url], clone);
    const r = await registry.run("npm", ["exec", "--yes", "create-jam@latest", "--", "upgrade"], site);
    expect(r.exitCode, r.all).toBe(0);
    const text = read(session);
    // Each sealed token bound to its purpose (so the flow cookie is no session), __Host- cookie...
    expect(text).toContain('export const PURPOSES = ["session", "auth-flow"] as const;');
    expect(text).toContain('requiredClaims: ["exp", "iat", "sub"]');
    expect(text).toContain('export const SESSION_COOKIE = "__Host-jam_session";');
    // ...and the owner's field, in the same file.
    expect(text).toContain("  locale?: string;\n}");
    // The return path compares the parsed URL; the flow cookie is read through its own purpose.
    expect(read(site, "packages/functions/src/auth/return-to.ts")).toContain('url.pathname.replace(/^\\/+/, "/")');
    expect(read(site, "packages/functions/src/auth/flow.ts")).toContain('unseal("auth-flow"');
    // New files land too: the one HTML sanitiser every provider's body goes through, the body cap.
    expect(read(site, "packages/content/src/safe-html.ts")).toContain("sanitize-html");
    expect(read(site, "packages/functions/src/body-limit.ts")).toContain("DEFAULT_MAX_BODY");
    expect(JSON.parse(read(site, "jam.json")).createJam).toBe(JSON.parse(read(clone, "create-jam/package.json")).version);
  });
});
