// Server-side environment, read at request time (never at import: hosts set some values per deploy).
// Every runtime the site's functions run on has process.env (Node, Vercel, Netlify; Workers with nodejs_compat).
import { loadLocalEnv } from "@repo/content";

export function env(name: string): string | undefined {
  // Locally, the repository's .env counts too (see packages/content/src/local-env.ts).
  loadLocalEnv();
  const value = globalThis.process?.env?.[name];
  return value === "" ? undefined : value;
}
