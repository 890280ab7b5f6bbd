import { Link, withPrefix } from "gatsby";
import type { ReactNode } from "react";
import { site } from "../site.ts";
import "@repo/theme/site.css";

export function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <header>
        <nav>
          <Link to="/">{site.name}</Link>
          <Link to="/about/">About</Link>
          {site.links.map((link) => (
            <Link key={link.href} to={link.href}>
              {link.label}
            </Link>
          ))}
          {/* A full page load: the search page's script must run, which client-side navigation would skip. */}
          {site.search && <a href={withPrefix("/search/")}>Search</a>}
          {site.header && (
            // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of create-jam's modules (src/site.ts), no content.
            <span className="jam-header" dangerouslySetInnerHTML={{ __html: site.header }} />
          )}
        </nav>
      </header>
      <main>{children}</main>
      <footer>
        <p>Built with Gatsby and Turborepo.</p>
      </footer>
    </>
  );
}
