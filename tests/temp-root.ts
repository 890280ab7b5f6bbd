// One temporary folder per test run, under which every test's folders are made (tests/helpers.ts
// tempDir): the generated projects of a full run take gigabytes, so the run removes them at the
// end. JAM_KEEP_TMP=1 keeps them for a look after a failure (the path is printed).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup() {
  const root = mkdtempSync(join(tmpdir(), "jam-run-"));
  // The permission test runs the CLI as an unprivileged user inside a folder made here.
  chmodSync(root, 0o755);
  process.env.JAM_TEST_TMP = root;
  return () => {
    if (process.env.JAM_KEEP_TMP) console.log(`test folders kept in ${root}`);
    else rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
