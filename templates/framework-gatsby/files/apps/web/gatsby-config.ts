import type { GatsbyConfig } from "gatsby";
import { site } from "./src/site.ts";

// https://www.gatsbyjs.com/docs/reference/config-files/gatsby-config/
const config: GatsbyConfig = {
  siteMetadata: {
    title: site.name,
    description: site.description,
    // Your production URL, for canonical links and sitemaps.
    siteUrl: process.env.SITE_URL,
  },
  // The path the site is served under: BASE_PATH (the GitHub Pages workflow sets it), else the root.
  // `gatsby build --prefix-paths` applies it: <Link> and Gatsby's files get it, raw URLs use withPrefix.
  pathPrefix: process.env.BASE_PATH?.replace(/\/+$/, "") || "",
  // Every page is written as <path>/index.html and linked as /<path>/.
  trailingSlash: "always",
  // JSX without `import React`.
  jsxRuntime: "automatic",
  // No plugins: pages come from @repo/content in gatsby-node.ts, not from Gatsby's data layer.
  plugins: [],
};

export default config;
