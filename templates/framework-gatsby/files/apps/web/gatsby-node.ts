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

// pnpm keeps each package in node_modules/.pnpm/<name>@<version>/node_modules/<name>/, which Gatsby's
// test for its "framework" chunk (React and its runtime) takes for nested copies. The production build
// then leaves React in its app chunk, but `gatsby develop` still asks for /framework.js: this test
// also matches pnpm's paths, so the dev server has that chunk to serve.
const frameworkPackages = /[\\/]node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(react|react-dom|scheduler|prop-types)[\\/]/;

export const onCreateWebpackConfig: GatsbyNode["onCreateWebpackConfig"] = ({ stage, getConfig, actions }) => {
  if (stage !== "develop") return;
  const config = getConfig();
  const framework = config.optimization?.splitChunks?.cacheGroups?.framework;
  if (!framework) return;
  framework.test = frameworkPackages;
  actions.replaceWebpackConfig(config);
};
