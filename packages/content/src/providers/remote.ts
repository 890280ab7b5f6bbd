// What every CMS provider shares: credentials from the environment decide, at build and request
// time, between the CMS and the bundled demo content; a CMS that fails is an error naming it, its
// URL and the status, never a silent fallback to the demo.
import { loadLocalEnv } from "../local-env.ts";
import type { Collection, ContentProvider } from "../types.ts";
import { provider as demo } from "./markdown.ts";

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
  };
}

/** Newest first for posts, by title for pages: the order every provider returns. */
export function sortEntries<T extends { date: string; title: string; slug: string }>(collection: Collection, list: T[]): T[] {
  return collection === "posts"
    ? list.sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug))
    : list.sort((a, b) => a.title.localeCompare(b.title));
}
