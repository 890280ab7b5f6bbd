import { resolve } from "node:path";
import { getEntry, listEntries } from "@repo/content";
import type { GatsbyNode } from "gatsby";

const template = (name: string) => resolve(`src/templates/${name}.tsx`);

// Every page is created here from @repo/content and pre-rendered by `gatsby build`. Each page gets
// its entry as pageContext (written to public/page-data/), so no GraphQL is involved.
export const createPages: GatsbyNode["createPages"] = async ({ actions }) => {
  const posts = await listEntries("posts");
  actions.createPage({ path: "/", component: template("home"), context: { posts } });

  for (const { slug } of posts) {
    const entry = await getEntry("posts", slug);
    if (!entry) throw new Error(`Post not found: ${slug}`);
    actions.createPage({ path: `/posts/${slug}/`, component: template("post"), context: { entry } });
  }

  // One page per entry of the "pages" collection: /about/, /contact/...
  for (const { slug } of await listEntries("pages")) {
    const entry = await getEntry("pages", slug);
    if (!entry) throw new Error(`Page not found: ${slug}`);
    actions.createPage({ path: `/${slug}/`, component: template("page"), context: { entry } });
  }
};
