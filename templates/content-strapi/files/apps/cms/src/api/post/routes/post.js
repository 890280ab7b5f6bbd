// The REST routes of post (GET /api/posts...): Strapi's own, permissions set per API token.
const { factories } = require("@strapi/strapi");

module.exports = factories.createCoreRouter("api::post.post");
