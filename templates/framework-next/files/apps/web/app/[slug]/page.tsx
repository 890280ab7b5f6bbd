import { getEntry, listEntries } from "@repo/content";
import type { Metadata } from "next";
import { notFound } from "next/navigation";

type Props = { params: Promise<{ slug: string }> };

// One page per entry of the "pages" collection: /about/, /contact/...
export const dynamicParams = false;

export async function generateStaticParams() {
  const pages = await listEntries("pages");
  return pages.map((page) => ({ slug: page.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getEntry("pages", (await params).slug);
  return page ? { title: page.title, description: page.description } : {};
}

export default async function StandalonePage({ params }: Props) {
  const page = await getEntry("pages", (await params).slug);
  if (!page) notFound();
  return (
    <article data-pagefind-body>
      <h1>{page.title}</h1>
      <div
        // biome-ignore lint/security/noDangerouslySetInnerHtml: HTML rendered at build time from our own Markdown.
        dangerouslySetInnerHTML={{ __html: page.html }}
      />
    </article>
  );
}
