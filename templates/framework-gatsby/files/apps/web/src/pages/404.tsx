import { Link } from "gatsby";
import { Layout } from "../components/layout.tsx";
import { Seo } from "../components/seo.tsx";

// Written to public/404.html, which Vercel and Netlify serve for unknown paths.
export default function NotFoundPage() {
  return (
    <Layout>
      <h1>Page not found</h1>
      <p>
        <Link to="/">Back to the latest posts</Link>
      </p>
    </Layout>
  );
}

export function Head() {
  return <Seo title="Page not found" />;
}
