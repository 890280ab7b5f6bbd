import { type GatsbySSR, withPrefix } from "gatsby";

// What every page's HTML starts with, also in `gatsby develop` (where Head exports run only in the
// browser, too late to keep it from asking for /favicon.ico).
export const onRenderBody: GatsbySSR["onRenderBody"] = ({ setHtmlAttributes, setHeadComponents }) => {
  setHtmlAttributes({ lang: "en" });
  setHeadComponents([<link key="icon" rel="icon" type="image/svg+xml" href={withPrefix("/favicon.svg")} />]);
};
