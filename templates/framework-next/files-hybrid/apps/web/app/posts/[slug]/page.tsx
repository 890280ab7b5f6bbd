import { getEntry, listEntries } from "@repo/content";
import type { Metadata } from "next";
import { notFound } from "next/navigation";

type Props = { params: Promise<{ slug: string }> };

// Incremental static regeneration: every slug returned below is pre-rendered at build; a request
// after 60 s regenerates the page in the background. A slug added since the build renders on its
// first request (dynamicParams); an unknown one is a 404.
export const revalidate = 60;
export const dynamicParams = true;

export async function generateStaticParams() {
  const posts = await listEntries("posts");
  return posts.map((post) => ({ slug: post.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = await getEntry("posts", (await params).slug);
  return post ? { title: post.title, description: post.description } : {};
}

export default async function PostPage({ params }: Props) {
  const post = await getEntry("posts", (await params).slug);
  if (!post) notFound();
  return (
    <article data-pagefind-body>
      <h1>{post.title}</h1>
      <time dateTime={post.date}>{post.date}</time>
      <div
        // biome-ignore lint/security/noDangerouslySetInnerHtml: HTML rendered from our own Markdown.
        dangerouslySetInnerHTML={{ __html: post.html }}
      />
    </article>
  );
}
