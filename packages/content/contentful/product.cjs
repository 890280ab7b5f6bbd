// The product type (a stack with commerce), created by model.cjs beside post and page:
// src/providers/contentful.ts reads it. The price is in the currency's minor unit: 1800 is 18.00.
/** @param migration contentful-migration's Migration object. */
module.exports = function (migration) {
  const product = migration.createContentType("product").name("Product").description("Something the site sells, at /products/<slug>/");
  product.createField("name").name("Name").type("Symbol").required(true);
  product.createField("slug").name("Slug").type("Symbol").required(true).validations([{ unique: true }, { regexp: { pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" } }]);
  product.createField("description").name("Description").type("Text");
  product.createField("price").name("Price (cents)").type("Integer").required(true).validations([{ range: { min: 1 } }]);
  product.createField("currency").name("Currency").type("Symbol").required(true).validations([{ regexp: { pattern: "^[a-z]{3}$" } }]);
  product.createField("image").name("Image").type("Link").linkType("Asset").validations([{ linkMimetypeGroup: ["image"] }]);
  product.createField("body").name("Body").type("RichText");
  product.displayField("name");
};
