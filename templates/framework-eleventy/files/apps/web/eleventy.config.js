// @ts-check
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { site } from "./src/site.ts";

// The site's stylesheet (packages/theme), which src/_includes/base.njk inlines into every page.
const siteCss = fileURLToPath(import.meta.resolve("@repo/theme/site.css"));

// https://www.11ty.dev/docs/config/
/** @param {import("@11ty/eleventy/UserConfig").default} eleventyConfig */
export default function (eleventyConfig) {
  // {{ site.name }}, {{ site.description }}, {{ site.search }} in every template.
  eleventyConfig.addGlobalData("site", site);
  // public/ is copied as it is to the site's root (favicon.svg...).
  eleventyConfig.addPassthroughCopy({ public: "/" });
  // {% siteCss %}: the stylesheet's text, read at each build; `pnpm dev` rebuilds when it changes.
  eleventyConfig.addShortcode("siteCss", () => readFileSync(siteCss, "utf8"));
  eleventyConfig.addWatchTarget(siteCss);
}

export const config = {
  dir: { input: "src", output: "_site" },
  // The path the site is served under: BASE_PATH (the GitHub Pages workflow sets it), else the root.
  // The templates' links go through the url filter, which puts it in front; the content's and the
  // sections' HTML has it already (@repo/content).
  pathPrefix: `${process.env.BASE_PATH ?? ""}/`,
  // Templates are Nunjucks; src/site.ts and the data files are not pages.
  templateFormats: ["njk"],
};
