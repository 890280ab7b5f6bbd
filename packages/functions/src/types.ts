import type { Limit, Limiter } from "./rate-limit.ts";

/** One job of the site's server side, written once against the Web platform. */
export type Handler = (request: Request, platform: Platform) => Promise<Response>;

/** A route: the path it answers and the methods it takes (anything else gets 405). */
export interface Route {
  methods: readonly string[];
  handler: Handler;
  /** The largest body it reads, in bytes; DEFAULT_MAX_BODY (64 KiB) when unset. */
  maxBody?: number;
  /** How often one visitor may POST to it (./rate-limit.ts); unlimited when unset. */
  limit?: Limit;
}

/** Routes by exact path, e.g. "/api/entries". */
export type Routes = Record<string, Route>;

/** What changed in the content, as a webhook says it: one entry, or a whole collection. */
export interface Change {
  /** "products": a commerce stack's product type in the CMS. */
  collection: "posts" | "pages" | "products";
  /** Undefined when the source cannot tell which entry changed (every entry is refreshed). */
  slug?: string;
}

/**
 * What the code that mounts the handlers can do besides answering: a hybrid framework that caches
 * pages says how to revalidate them (Next.js: revalidatePath). A mount without it (a static site's
 * host functions) gets a rebuild through the host's deploy hook instead.
 */
export interface Platform {
  /** The host's own rate limiter (a Cloudflare Worker's bindings); this instance's memory when unset. */
  limiter?: Limiter;
  /** `request` is the webhook's: a host purge calls the site back on its origin. */
  revalidate?: (paths: string[], request: Request) => Promise<void>;
  /**
   * Which paths render on request (and so can be revalidated); the others are pre-rendered files
   * that change with a new deploy. Undefined: every page can be revalidated (Next.js ISR).
   */
  rendersOnRequest?: (path: string) => boolean;
}
