// Every page is pre-rendered to HTML at build time, at a URL that ends with a slash (/posts/x/).
export const prerender = true;
export const trailingSlash = "always";
// The pages are HTML and CSS only: no client-side router, no hydration, no JavaScript.
export const csr = false;
