import type { SectionPage } from "@repo/sections";
import type { HeadProps, PageProps } from "gatsby";
import { Layout } from "../components/layout.tsx";
import { Seo } from "../components/seo.tsx";

type Context = { page: SectionPage };

// A page another module adds (packages/sections: /products/...), created in gatsby-node.ts.
export default function Section({ pageContext: { page } }: PageProps<object, Context>) {
  return (
    <Layout>
      <div
        // biome-ignore lint/security/noDangerouslySetInnerHtml: HTML written at build time by packages/sections, which escapes content.
        dangerouslySetInnerHTML={{ __html: page.html }}
      />
    </Layout>
  );
}

export function Head({ pageContext: { page } }: HeadProps<object, Context>) {
  return <Seo title={page.title} description={page.description} />;
}
