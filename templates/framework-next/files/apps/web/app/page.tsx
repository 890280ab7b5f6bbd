import { listEntries } from "@repo/content";
import type { Metadata } from "next";
import Link from "next/link";
import { site } from "./site.ts";

export const metadata: Metadata = {
  description: `Latest posts from ${site.name}.`,
};

export default async function HomePage() {
  const posts = await listEntries("posts");
  return (
    <>
      <h1>Latest posts</h1>
      <ul className="posts">
        {posts.map((post) => (
          <li key={post.slug}>
            <Link href={`/posts/${post.slug}/`}>{post.title}</Link>
            <time dateTime={post.date}>{post.date}</time>
            <p>{post.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
