import { defineModule } from "../../create-jam/src/engine/define.ts";
import pkg from "./package.json" with { type: "json" };

// Static is what every framework does by default: the framework modules hold the files. This
// module exists so that `--rendering static` is a choice like any other and rules can name it.
export default defineModule(pkg, {
  id: "static",
  kind: "rendering",
  label: "Static (SSG)",
  hint: "every page pre-rendered to HTML at build time; any static host serves it",
});
