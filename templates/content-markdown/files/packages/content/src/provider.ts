export { provider } from "./providers/markdown.ts";
