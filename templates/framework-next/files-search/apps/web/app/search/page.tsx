import type { Metadata } from "next";
import type { DetailedHTMLProps, HTMLAttributes } from "react";

// Pagefind's web components, as JSX sees them.
type PagefindElement = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement>;
declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "pagefind-input": PagefindElement;
      "pagefind-summary": PagefindElement;
      "pagefind-results": PagefindElement;
    }
  }
}

export const metadata: Metadata = {
  title: "Search",
  description: "Search every post and page.",
};

// Pagefind writes its index and these web components next to the built pages (turbo task "index"),
// so search works on a build (`pnpm build`), not in `pnpm dev`.
export default function SearchPage() {
  return (
    <>
      <h1>Search</h1>
      <link rel="stylesheet" href="/pagefind/pagefind-component-ui.css" precedence="default" />
      <script async src="/pagefind/pagefind-component-ui.js" />
      <pagefind-input />
      <pagefind-summary />
      <pagefind-results />
    </>
  );
}
