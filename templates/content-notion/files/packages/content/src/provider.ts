export { provider } from "./providers/notion.ts";
