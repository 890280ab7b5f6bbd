import { defineField, defineType } from "sanity";
import { body, description, slug, title } from "./fields.ts";

export const post = defineType({
  name: "post",
  title: "Post",
  type: "document",
  fields: [
    title,
    slug,
    description,
    defineField({ name: "date", type: "date", validation: (rule) => rule.required() }),
    defineField({ name: "tags", type: "array", of: [{ type: "string" }], options: { layout: "tags" } }),
    // With an auth module: pages show a placeholder, and only a signed-in visitor reads the body.
    defineField({ name: "members", title: "Members only", type: "boolean", initialValue: false }),
    body,
  ],
  orderings: [{ title: "Newest first", name: "dateDesc", by: [{ field: "date", direction: "desc" }] }],
});
