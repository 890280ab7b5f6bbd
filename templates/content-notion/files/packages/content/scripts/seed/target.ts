// Which CMS `pnpm seed` fills.
export { target } from "./notion.ts";
