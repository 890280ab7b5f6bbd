import { site } from "../site.ts";

interface Props {
  title: string;
  description?: string;
}

// What every page puts in <head> through its `Head` export (Gatsby's Head API).
export function Seo({ title, description = site.description }: Props) {
  const pageTitle = title === site.name ? title : `${title} | ${site.name}`;
  return (
    <>
      <html lang="en" />
      <meta name="description" content={description} />
      <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
      <title>{pageTitle}</title>
    </>
  );
}
