// POST /api/revalidate checks webhooks the way this content source signs them.
export { verify } from "./webhooks/strapi.ts";
