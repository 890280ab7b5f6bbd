// Which CMS `pnpm seed` fills.
export { target } from "./sanity.ts";
