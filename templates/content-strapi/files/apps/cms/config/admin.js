// The admin panel's secrets (scripts/env.js writes random ones into .env for local use).
module.exports = ({ env }) => ({
  auth: { secret: env("ADMIN_JWT_SECRET") },
  apiToken: { salt: env("API_TOKEN_SALT") },
  transfer: { token: { salt: env("TRANSFER_TOKEN_SALT") } },
  secrets: { encryptionKey: env("ENCRYPTION_KEY") },
  // STRAPI_SERVE_ADMIN=false runs the content API without the (separately built) admin panel.
  serveAdminPanel: env.bool("STRAPI_SERVE_ADMIN", true),
  flags: { nps: false, promoteEE: false },
});
