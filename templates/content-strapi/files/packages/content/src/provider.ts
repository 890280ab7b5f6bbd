export { provider } from "./providers/strapi.ts";
