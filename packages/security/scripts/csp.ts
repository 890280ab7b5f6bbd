// Run by the site's build right after the framework's (apps/web's `build` script, the same turbo
// task, so the pages turbo caches and restores are the ones with their policy): every .html file
// under the folder given gets its Content-Security-Policy <meta> (src/csp.ts). The sources the
// stack's integrations load are in csp.json, written by create-jam from its modules.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Directives, withPagePolicy } from "../src/csp.ts";

const [dir] = process.argv.slice(2);
if (!dir) throw new Error("usage: node csp.ts <the build's HTML folder>");
const { directives } = JSON.parse(readFileSync(join(import.meta.dirname, "..", "csp.json"), "utf8")) as { directives: Directives };

let pages = 0;
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
  const path = join(entry.parentPath, entry.name);
  const html = withPagePolicy(readFileSync(path, "utf8"), directives, process.env);
  if (html === undefined) continue;
  writeFileSync(path, html);
  pages++;
}
console.log(`security: a Content-Security-Policy with its inline scripts' hashes in ${pages} pages of ${dir}`);
