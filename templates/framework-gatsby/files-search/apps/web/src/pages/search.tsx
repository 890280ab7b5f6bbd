import { withPrefix } from "gatsby";
import { Layout } from "../components/layout.tsx";
import { Seo } from "../components/seo.tsx";

// Pagefind writes its index and these web components into public/ after `gatsby build` (turbo task
// "index"), so search works on a build (`pnpm build`), not in `gatsby develop`.
// As raw HTML, React leaves this markup alone when it hydrates the page: the components add their
// own children, which would not match the pre-rendered HTML, and the script runs once, on page load
// (so links to this page are plain <a>, not Gatsby's client-side <Link>).
// Below the site's base path (gatsby-config.ts pathPrefix), as are the result links.
const pagefind = `<link rel="stylesheet" href="${withPrefix("/pagefind/pagefind-component-ui.css")}" />
<script async src="${withPrefix("/pagefind/pagefind-component-ui.js")}"></script>
<pagefind-config base-url="${withPrefix("/")}"></pagefind-config>
<pagefind-input></pagefind-input>
<pagefind-summary></pagefind-summary>
<pagefind-results></pagefind-results>`;

export default function SearchPage() {
  return (
    <Layout>
      <h1>Search</h1>
      <div
        // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant string, Pagefind's own elements.
        dangerouslySetInnerHTML={{ __html: pagefind }}
      />
    </Layout>
  );
}

export function Head() {
  return <Seo title="Search" description="Search every post and page." />;
}
