// Server-side environment, read at request time (never at import: hosts set some values per deploy).
// Every runtime the site's functions run on has process.env (Node, Vercel, Netlify; Workers with nodejs_compat).
export function env(name: string): string | undefined {
  const value = globalThis.process?.env?.[name];
  return value === "" ? undefined : value;
}
