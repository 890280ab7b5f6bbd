// What the site sells (a stack with commerce): packages/content/src/providers/sanity.ts reads it.
// The price is in the currency's minor unit, as the checkout charges it: 1800 is 18.00.
import { defineField, defineType } from "sanity";
import { body, description, slug } from "./fields.ts";

export const product = defineType({
  name: "product",
  title: "Product",
  type: "document",
  fields: [
    defineField({ name: "name", type: "string", validation: (rule) => rule.required() }),
    { ...slug, options: { source: "name" } },
    description,
    defineField({ name: "price", title: "Price (cents)", type: "number", validation: (rule) => rule.required().integer().positive() }),
    defineField({ name: "currency", type: "string", initialValue: "usd", validation: (rule) => rule.required().regex(/^[a-z]{3}$/, { name: "ISO 4217 code, lower case" }) }),
    defineField({ name: "image", type: "image" }),
    body,
  ],
});
