// Strapi's HTTP server. Webhooks carry `Authorization: Bearer <STRAPI_WEBHOOK_SECRET>` when the
// variable is set, which is what the site's /api/revalidate checks (Strapi does not sign them).
module.exports = ({ env }) => {
  const secret = env("STRAPI_WEBHOOK_SECRET");
  return {
    host: env("HOST", "0.0.0.0"),
    port: env.int("PORT", 1337),
    app: { keys: env.array("APP_KEYS") },
    webhooks: {
      populateRelations: false,
      defaultHeaders: secret ? { Authorization: `Bearer ${secret}` } : {},
    },
  };
};
