// `pnpm seed`: the bundled demo content (content/) into this stack's CMS, through its management
// API. Creates what is missing and nothing else; says what it did.
import { join } from "node:path";
import { loadLocalEnv } from "../src/local-env.ts";
import { demoContent } from "./seed/demo.ts";
import { seed } from "./seed/run.ts";
import { target } from "./seed/target.ts";

loadLocalEnv();
try {
  for (const line of await seed(target, demoContent(join(import.meta.dirname, "../content")), process.env)) console.log(line);
} catch (error) {
  console.error(`seed: ${(error as Error).message}`);
  process.exit(1);
}
