import { site } from "../site.ts";

interface Props {
  title: string;
  description?: string;
}

// What every page puts in <head> through its `Head` export (Gatsby's Head API); the language and
// the icon, the same everywhere, are in gatsby-ssr.tsx.
export function Seo({ title, description = site.description }: Props) {
  const pageTitle = title === site.name ? title : `${title} | ${site.name}`;
  return (
    <>
      <meta name="description" content={description} />
      <title>{pageTitle}</title>
    </>
  );
}
