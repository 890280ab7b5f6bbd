// What a browser would find in an HTML body that can run script or pass for the site's own link,
// found with parse5 (the WHATWG parsing algorithm browsers use, so entities are decoded and
// malformed markup is read as a browser reads it), never by comparing strings.
import { parse } from "parse5";

/** Elements that run script, load a document or plugin, take a form, or change how the page resolves. */
const ACTIVE = new Set(["script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "style", "form", "button", "svg", "math", "template", "noscript", "xmp", "textarea", "portal"]);
/** Attributes a browser reads as a URL. */
const URLS = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "dynsrc", "lowsrc", "srcset", "cite", "ping", "codebase", "longdesc", "usemap"]);
const SITE = "https://site.test/";

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

/** Every script-executing or look-alike construct in `html`, one line each; empty when there is none. */
export function scriptingConstructs(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    if (node.tagName && ACTIVE.has(node.tagName)) found.push(`<${node.tagName}> element`);
    for (const { name, value } of node.attrs ?? []) {
      const attr = name.toLowerCase();
      if (attr.startsWith("on")) found.push(`${attr} handler on <${node.tagName}>`);
      if (attr === "style") found.push(`style attribute on <${node.tagName}>`);
      if (attr === "srcdoc") found.push(`srcdoc on <${node.tagName}>`);
      if (URLS.has(attr)) {
        let url: URL | undefined;
        try {
          url = new URL(value, SITE);
        } catch {
          continue;
        }
        if (!["http:", "https:", "mailto:"].includes(url.protocol)) found.push(`${attr}="${value}" on <${node.tagName}> is ${url.protocol}`);
        // Another host must say so with its scheme: `//host` or `/\host` would pass for the site's own path.
        else if (url.origin !== new URL(SITE).origin && url.protocol !== "mailto:" && !/^\s*https?:/i.test(value)) found.push(`${attr}="${value}" on <${node.tagName}> reaches ${url.host} without a scheme`);
      }
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  // A whole document, as a page holds the body: a stray <body onload> there lends its handler to the
  // page's own <body>, which a fragment parse would hide.
  visit(parse(`<!doctype html><html><head></head><body>${html}</body></html>`) as unknown as Node);
  return found;
}
