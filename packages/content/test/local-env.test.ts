// The repository's .env, found from any folder of the workspace (a package's, an app's).
import * as fs from "node:fs";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findLocalEnv } from "../src/local-env.ts";

describe("findLocalEnv", () => {
  const root = mkdtempSync(join(tmpdir(), "jam-env-"));
  mkdirSync(join(root, "apps/web/src"), { recursive: true });
  writeFileSync(join(root, "pnpm-workspace.yaml"), "packages: []\n");

  it("finds nothing while the workspace has no .env", () => {
    expect(findLocalEnv(fs, join(root, "apps/web/src"))).toBeUndefined();
  });

  it("finds the workspace root's .env from a folder inside it, not an app's own", () => {
    writeFileSync(join(root, ".env"), "STRAPI_URL=http://localhost:1337\n");
    writeFileSync(join(root, "apps/web/.env"), "OTHER=1\n");
    expect(findLocalEnv(fs, join(root, "apps/web/src"))).toBe(join(root, ".env"));
    expect(findLocalEnv(fs, root)).toBe(join(root, ".env"));
  });

  it("finds nothing outside a workspace (a host's function folder)", () => {
    expect(findLocalEnv(fs, mkdtempSync(join(tmpdir(), "jam-fn-")))).toBeUndefined();
  });
});
