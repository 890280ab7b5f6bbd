export { provider } from "./providers/contentful.ts";
