import { refresh } from "../refresh.ts";
import type { Route } from "../types.ts";
import { verify } from "../webhook.ts";

/**
 * POST /api/revalidate: the content source's webhook. Its signature (or shared secret) is checked
 * on the raw body first; a bad or missing one gets 401 and triggers nothing.
 */
export const revalidate: Route = {
  methods: ["POST"],
  // A CMS's event can carry the whole entry (Contentful's and Strapi's do): 1 MiB, read before the
  // signature is checked, so no more than that.
  maxBody: 1024 * 1024,
  handler: async (request, platform) => {
    const body = await request.text();
    const verified = await verify(request, body);
    if ("response" in verified) return verified.response;
    return refresh(verified.changes, platform, request);
  },
};
