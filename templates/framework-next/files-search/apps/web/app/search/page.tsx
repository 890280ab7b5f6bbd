import type { Metadata } from "next";

export const metadata: Metadata = {
  title: "Search",
  description: "Search every post and page.",
};

// The path the site is served under (next.config.ts basePath), read when the page is pre-rendered.
const base = (process.env.BASE_PATH ?? "").replace(/\/+$/, "");

// Pagefind's web components. They fill themselves in as soon as their script loads, which can be
// before React hydrates the page: as inner HTML they are outside what React compares, so that
// never counts as a hydration mismatch. Result links are the pages' paths below the base path.
const pagefind = `<pagefind-config base-url="${base}/"></pagefind-config><pagefind-input></pagefind-input><pagefind-summary></pagefind-summary><pagefind-results></pagefind-results>`;

// Pagefind writes its index and these web components next to the built pages (turbo task "index"),
// so search works on a build (`pnpm build`), not in `pnpm dev`.
export default function SearchPage() {
  return (
    <>
      <h1>Search</h1>
      <link rel="stylesheet" href={`${base}/pagefind/pagefind-component-ui.css`} precedence="default" />
      <script async src={`${base}/pagefind/pagefind-component-ui.js`} />
      <div
        // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant string: the three Pagefind elements.
        dangerouslySetInnerHTML={{ __html: pagefind }}
      />
    </>
  );
}
