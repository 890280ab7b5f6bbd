// @ts-check
// Global data: the pages other modules add (packages/sections: /products/...), as
// {{ sectionPages }}; sections.njk paginates over them (one page each).
import { listAllSectionPages } from "@repo/sections";

export default listAllSectionPages;
