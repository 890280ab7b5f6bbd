export { provider } from "./providers/sanity.ts";
