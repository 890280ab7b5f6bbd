import type { EntrySummary } from "@repo/content";
import { type HeadProps, Link, type PageProps } from "gatsby";
import { Layout } from "../components/layout.tsx";
import { Seo } from "../components/seo.tsx";
import { site } from "../site.ts";

type Context = { posts: EntrySummary[] };

export default function HomePage({ pageContext: { posts } }: PageProps<object, Context>) {
  return (
    <Layout>
      <h1>Latest posts</h1>
      <ul className="posts">
        {posts.map((post) => (
          <li key={post.slug}>
            <Link to={`/posts/${post.slug}/`}>{post.title}</Link>
            <time dateTime={post.date}>{post.date}</time>
            <p>{post.description}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function Head(_: HeadProps<object, Context>) {
  return <Seo title={site.name} description={`Latest posts from ${site.name}.`} />;
}
