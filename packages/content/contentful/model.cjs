// The content model the site reads from Contentful (src/providers/contentful.ts): content types
// `post` and `page`. A contentful-migration script: run it once against a new space with
// `pnpm --filter @repo/content contentful:model` (CONTENTFUL_SPACE_ID and a management token,
// CONTENTFUL_MANAGEMENT_TOKEN, in the environment). Re-running it on a space that has them fails
// without touching anything: edit the types in Contentful's web app from then on.
/** @param migration contentful-migration's Migration object. */
module.exports = function (migration) {
  const fields = (type, { dated }) => {
    type.createField("title").name("Title").type("Symbol").required(true);
    type.createField("slug").name("Slug").type("Symbol").required(true).validations([{ unique: true }, { regexp: { pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" } }]);
    type.createField("description").name("Description").type("Text");
    if (dated) type.createField("date").name("Date").type("Date").required(true);
    type.createField("tags").name("Tags").type("Array").items({ type: "Symbol" });
    // With an auth module: pages show a placeholder, and only a signed-in visitor reads the body.
    type.createField("members").name("Members only").type("Boolean");
    type.createField("body").name("Body").type("RichText");
    type.displayField("title");
  };
  fields(migration.createContentType("post").name("Post").description("A dated entry, listed on the home page"), { dated: true });
  fields(migration.createContentType("page").name("Page").description("A standalone page, at /<slug>/"), { dated: false });
  // product.cjs is there in a stack with commerce.
  const product = `${__dirname}/product.cjs`;
  if (require("node:fs").existsSync(product)) require(product)(migration);
};
