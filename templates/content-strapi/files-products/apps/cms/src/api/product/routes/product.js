// The REST routes of product (GET /api/products...): Strapi's own, permissions set per API token.
const { factories } = require("@strapi/strapi");

module.exports = factories.createCoreRouter("api::product.product");
