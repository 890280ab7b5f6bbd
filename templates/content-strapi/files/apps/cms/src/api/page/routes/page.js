// The REST routes of page (GET /api/pages...): Strapi's own, permissions set per API token.
const { factories } = require("@strapi/strapi");

module.exports = factories.createCoreRouter("api::page.page");
