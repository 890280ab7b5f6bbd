// Which CMS `pnpm seed` fills: each content module writes its own line here.
export { target } from "./sanity.ts";
