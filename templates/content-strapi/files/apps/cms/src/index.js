// STRAPI_WEBHOOK_URL (the site's https://<site>/api/revalidate/) registers the site's webhook when
// Strapi starts, so a new Strapi tells the site about content changes without a click in the admin
// panel. It goes through the webhook store: the admin API refuses URLs of private networks in
// production, a local site included.
const EVENTS = ["entry.create", "entry.update", "entry.delete", "entry.publish", "entry.unpublish"];

module.exports = {
  register() {},
  async bootstrap({ strapi }) {
    const url = process.env.STRAPI_WEBHOOK_URL;
    if (!url) return;
    const store = strapi.get("webhookStore");
    if ((await store.findWebhooks()).some((w) => w.url === url)) return;
    const webhook = await store.createWebhook({ name: "site", url, headers: {}, events: EVENTS, isEnabled: true });
    strapi.get("webhookRunner").add(webhook);
    strapi.log.info(`webhook to ${url} registered`);
  },
};
