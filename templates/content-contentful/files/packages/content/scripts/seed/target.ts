// Which CMS `pnpm seed` fills.
export { target } from "./contentful.ts";
