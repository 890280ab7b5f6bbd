// @ts-check
import { site } from "./src/site.ts";

// https://www.11ty.dev/docs/config/
/** @param {import("@11ty/eleventy/UserConfig").default} eleventyConfig */
export default function (eleventyConfig) {
  // {{ site.name }}, {{ site.description }}, {{ site.search }} in every template.
  eleventyConfig.addGlobalData("site", site);
  // public/ is copied as it is to the site's root (favicon.svg...).
  eleventyConfig.addPassthroughCopy({ public: "/" });
}

export const config = {
  dir: { input: "src", output: "_site" },
  // Templates are Nunjucks; src/site.ts and the data files are not pages.
  templateFormats: ["njk"],
};
