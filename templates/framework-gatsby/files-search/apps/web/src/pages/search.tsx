import { Layout } from "../components/layout.tsx";
import { Seo } from "../components/seo.tsx";

// Pagefind's web components render their own markup; as raw HTML React leaves them alone when it
// hydrates the page (their children would otherwise not match the pre-rendered HTML).
const widgets = "<pagefind-input></pagefind-input><pagefind-summary></pagefind-summary><pagefind-results></pagefind-results>";

// Pagefind writes its index and these web components into public/ after `gatsby build` (turbo task
// "index"), so search works on a build (`pnpm build`), not in `gatsby develop`.
export default function SearchPage() {
  return (
    <Layout>
      <h1>Search</h1>
      <div
        // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant string, Pagefind's own elements.
        dangerouslySetInnerHTML={{ __html: widgets }}
      />
    </Layout>
  );
}

export function Head() {
  return (
    <>
      <Seo title="Search" description="Search every post and page." />
      <link rel="stylesheet" href="/pagefind/pagefind-component-ui.css" />
      <script async src="/pagefind/pagefind-component-ui.js" />
    </>
  );
}
