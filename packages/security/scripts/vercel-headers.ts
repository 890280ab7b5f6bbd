// Run after a hybrid framework's build on Vercel (apps/web's `build` script, the same turbo task):
// Astro's, SvelteKit's and Nuxt's adapters write the Build Output API folder themselves
// (.vercel/output), whose config.json routes are what Vercel serves by, so vercel.json's `headers`
// are not theirs. One route in front of theirs, `continue: true` (the form vercel.json's headers
// take in that config), gives every response the site's security headers (headers.json, written by
// create-jam from templates/shared/security-headers.ts). No config.json (another host's build,
// Next.js, which Vercel's own builder builds with vercel.json): nothing to do.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const file = join(process.cwd(), ".vercel/output/config.json");
if (existsSync(file)) {
  const headers = JSON.parse(readFileSync(join(import.meta.dirname, "..", "headers.json"), "utf8")) as Record<string, string>;
  const config = JSON.parse(readFileSync(file, "utf8")) as { routes?: Record<string, unknown>[] };
  const ours = { src: "/(.*)", headers, continue: true };
  // Once, however often the step runs on one output.
  const routes = (config.routes ?? []).filter((r) => JSON.stringify(r) !== JSON.stringify(ours));
  config.routes = [ours, ...routes];
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  console.log(`security: the security headers on every route of ${file}`);
}
