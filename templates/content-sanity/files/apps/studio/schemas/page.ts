import { defineType } from "sanity";
import { body, description, slug, title } from "./fields.ts";

export const page = defineType({
  name: "page",
  title: "Page",
  type: "document",
  fields: [title, slug, description, body],
});
