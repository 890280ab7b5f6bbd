// What every CMS provider shares: credentials from the environment decide, at build and request
// time, between the CMS and the bundled demo content; a CMS that fails is an error naming it, its
// URL and the status, never a silent fallback to the demo.
import { loadLocalEnv } from "../local-env.ts";
import type { Collection, ContentProvider, Product } from "../types.ts";
import { provider as demo } from "./markdown.ts";

export { sortEntries, sortProducts } from "./sort.ts";

/** A CMS answered with an error or could not be reached: the build (or the request) fails with this. */
export class SourceError extends Error {
  constructor(source: string, url: string, status: number | "unreachable", detail?: string) {
    const what = status === "unreachable" ? "could not be reached" : `answered ${status}`;
    super(`${source} at ${url} ${what}${detail ? ` (${detail})` : ""}.`);
    this.name = "SourceError";
  }
}

export const envOf = (name: string): string | undefined => {
  loadLocalEnv();
  return globalThis.process?.env?.[name] || undefined;
};

/**
 * A preview deployment (Vercel's Preview environment, a Netlify deploy preview) reads drafts when the
 * CMS's preview token is set; production and local builds read published content only.
 */
export const isPreviewDeploy = () => envOf("VERCEL_ENV") === "preview" || envOf("CONTEXT") === "deploy-preview";

export interface RemoteSource {
  /** The CMS's name, for messages: "Sanity". */
  name: string;
  /** Variables it cannot work without: missing any, the demo content is used. */
  required: string[];
  /** Builds the SDK client from the environment; called once, on first use. */
  connect(env: Record<string, string>): ContentProvider;
}

export interface RemoteProvider extends ContentProvider {
  /** The variables that are missing (empty when the CMS is configured). */
  missing(): string[];
  source: string;
}

export function remoteProvider(source: RemoteSource): RemoteProvider {
  let connected: ContentProvider | undefined;
  const missing = () => source.required.filter((n) => !envOf(n));
  const active = (): ContentProvider => {
    if (missing().length) return demo;
    connected ??= source.connect(Object.fromEntries(source.required.map((n) => [n, envOf(n) as string])));
    return connected;
  };
  return {
    source: source.name,
    missing,
    listEntries: (collection: Collection) => active().listEntries(collection),
    getEntry: (collection: Collection, slug: string) => active().getEntry(collection, slug),
    listProducts: () => active().listProducts(),
    getProduct: (slug: string) => active().getProduct(slug),
  };
}

/** A CMS holds a product the site cannot sell (no price, a bad currency): the fix is in the CMS. */
class ProductError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProductError";
  }
}

/** A product as a CMS holds it, before it is checked: any field may be missing or of another type. */
export interface ProductFields {
  slug?: unknown;
  name?: unknown;
  description?: unknown;
  price?: unknown;
  currency?: unknown;
  image?: unknown;
  html?: string;
}

/**
 * A CMS's product, checked: a checkout charges this price, so a product without a whole positive
 * price in cents or an ISO currency stops the build (or the request) with a sentence naming it,
 * never a sale at a guessed price.
 */
export function checkedProduct(source: string, fields: ProductFields): Product {
  const slug = typeof fields.slug === "string" ? fields.slug : "";
  const name = typeof fields.name === "string" ? fields.name : "";
  const which = `${source} product "${slug || name || "without a slug"}"`;
  if (!slug || !name) throw new ProductError(`${which} needs a slug and a name.`);
  if (!Number.isInteger(fields.price) || (fields.price as number) <= 0) throw new ProductError(`${which}: its price must be a whole number of cents (1800 for 18.00), not ${JSON.stringify(fields.price ?? null)}.`);
  if (typeof fields.currency !== "string" || !/^[a-z]{3}$/i.test(fields.currency)) throw new ProductError(`${which}: its currency must be an ISO 4217 code such as usd, not ${JSON.stringify(fields.currency ?? null)}.`);
  return {
    slug,
    name,
    description: typeof fields.description === "string" ? fields.description : "",
    price: fields.price as number,
    currency: fields.currency.toLowerCase(),
    image: typeof fields.image === "string" ? fields.image : "",
    html: fields.html ?? "",
  };
}
