import type { Entry } from "@repo/content";
import type { HeadProps, PageProps } from "gatsby";
import { Layout } from "../components/layout.tsx";
import { Seo } from "../components/seo.tsx";

type Context = { entry: Entry };

// One page per entry of the "pages" collection (/about/...), created in gatsby-node.ts.
export default function StandalonePage({ pageContext: { entry } }: PageProps<object, Context>) {
  return (
    <Layout>
      <article data-pagefind-body>
        <h1>{entry.title}</h1>
        <div
          // biome-ignore lint/security/noDangerouslySetInnerHtml: HTML rendered at build time from our own Markdown.
          dangerouslySetInnerHTML={{ __html: entry.html }}
        />
      </article>
    </Layout>
  );
}

export function Head({ pageContext: { entry } }: HeadProps<object, Context>) {
  return <Seo title={entry.title} description={entry.description} />;
}
