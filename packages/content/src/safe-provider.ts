// The content source as the rest of the site reads it: the provider src/provider.ts selects (the
// CMS, or Markdown), with every HTML body made safe (./safe-html.ts) on its way out. index.ts,
// members.ts and products.ts, the package's only entry points, read this and never ./provider.ts,
// so a new provider cannot forget the sanitiser and no page, function or widget gets a raw body
// (test/safe-html.test.ts checks that nothing else imports the selection).
import { provider as selected } from "./provider.ts";
import { safeHtml } from "./safe-html.ts";
import type { ContentProvider } from "./types.ts";

function safeProvider(source: ContentProvider): ContentProvider {
  return {
    listEntries: (collection) => source.listEntries(collection),
    getEntry: async (collection, slug) => {
      const entry = await source.getEntry(collection, slug);
      return entry && { ...entry, html: safeHtml(entry.html) };
    },
    listProducts: async () => (await source.listProducts()).map((p) => ({ ...p, html: safeHtml(p.html) })),
    getProduct: async (slug) => {
      const product = await source.getProduct(slug);
      return product && { ...product, html: safeHtml(product.html) };
    },
  };
}

export const provider = safeProvider(selected);
