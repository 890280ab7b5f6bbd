// The fields posts and pages share; packages/content/src/providers/sanity.ts reads them.
import { defineField } from "sanity";

export const title = defineField({ name: "title", type: "string", validation: (rule) => rule.required() });
export const slug = defineField({ name: "slug", type: "slug", options: { source: "title" }, validation: (rule) => rule.required() });
export const description = defineField({ name: "description", type: "text", rows: 3 });
/** Portable Text, rendered to HTML by @portabletext/to-html. */
export const body = defineField({ name: "body", type: "array", of: [{ type: "block" }] });
