// Which CMS `pnpm seed` fills.
export { target } from "./strapi.ts";
