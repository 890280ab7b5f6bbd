import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { site } from "./site.ts";
import "@repo/theme/site.css";

export const metadata: Metadata = {
  title: { default: site.name, template: `%s | ${site.name}` },
  description: site.description,
  ...(process.env.SITE_URL ? { metadataBase: new URL(process.env.SITE_URL) } : {}),
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header>
          <nav>
            <Link href="/">{site.name}</Link>
            <Link href="/about/">About</Link>
            {site.links.map((link) => (
              <Link key={link.href} href={link.href}>
                {link.label}
              </Link>
            ))}
            {/* Pagefind's search page, not prefetched: its payload would have every page fetch Pagefind's 42 kB stylesheet. */}
            {site.search && (
              <Link href="/search/" prefetch={false}>
                Search
              </Link>
            )}
            {site.header && (
              // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of create-jam's modules (app/site.ts), no content.
              <span className="jam-header" dangerouslySetInnerHTML={{ __html: site.header }} />
            )}
          </nav>
        </header>
        <main>{children}</main>
        <footer>
          <p>Built with Next.js and Turborepo.</p>
        </footer>
      </body>
    </html>
  );
}
