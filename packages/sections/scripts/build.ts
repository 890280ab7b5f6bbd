// The sections package's build: each step the chosen modules brought (scripts/steps/*.ts), in name
// order. A commerce module's step names the variables selling still needs; a search widget's
// step bundles the widget into the site's public folder.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const steps = join(import.meta.dirname, "steps");
const names = existsSync(steps) ? readdirSync(steps).filter((f) => f.endsWith(".ts")).sort() : [];
for (const step of names) await import(join(steps, step));
