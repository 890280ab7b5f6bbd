// Strapi will not start without its secrets, and a fresh checkout has none (.env is never
// committed). The first `pnpm dev` writes apps/cms/.env with random ones; a deployed Strapi gets
// its own from the host's settings (see .env.example).
const { randomBytes } = require("node:crypto");
const { existsSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const file = join(__dirname, "..", ".env");
if (!existsSync(file)) {
  const secret = () => randomBytes(16).toString("base64");
  const lines = [
    `APP_KEYS=${[secret(), secret(), secret(), secret()].join(",")}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
  ];
  writeFileSync(file, `${lines.join("\n")}\n`, { mode: 0o600 });
  console.log("cms: wrote apps/cms/.env with new random secrets for local use");
}
