// The one rule for HTML that reaches a page: every framework renders an entry's body as it is
// (set:html, v-html, {@html}, dangerouslySetInnerHTML, | safe, innerHTML), on the origin that holds
// the session cookie, and every source can put script in it: notion-to-md and marked pass raw HTML
// through, Contentful's renderer keeps javascript: links, a Markdown file may hold anything. So the
// body is cut down to an allow-list here, with sanitize-html (a maintained parser-based sanitiser,
// not a pattern of ours), before any framework sees it. It runs on Node at build time and in every
// function runtime, workerd included (htmlparser2, no DOM), and only on the server: no client bundle
// imports @repo/content.
import sanitizeHtml from "sanitize-html";

/** Where a relative URL is resolved to tell it from one that names another host (see `explicitHost`). */
const HERE = "https://relative.invalid/";

/**
 * A URL with no scheme of its own that still names another host (`//evil.example/x`, `/\evil.example`,
 * `\/\/evil.example`: browsers read `\` as `/` and drop tabs and newlines) is written out as the https
 * URL the browser would go to. It is then judged as what it is, a link to another host like any
 * https link, and never passes for one of the site's own: the base-path rewrite (`withBasePath`) and
 * any "starts with /" check see `https://`. Everything else is left for the scheme check to judge.
 */
function explicitHost(value: string): string {
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return value;
  }
  // Resolved against an https base, a URL without a scheme of its own comes out https.
  const ownScheme = /^[a-z][a-z\d+.-]*:/i.test(value.trim());
  return !ownScheme && url.protocol === "https:" && url.host !== new URL(HERE).host ? url.href : value;
}

const withExplicitHost = (attribute: string): sanitizeHtml.Transformer => (tagName, attribs) => ({
  tagName,
  attribs: attribs[attribute] === undefined ? attribs : { ...attribs, [attribute]: explicitHost(attribs[attribute]) },
});

const options: sanitizeHtml.IOptions = {
  // What the providers' renderers write (marked, Portable Text, Contentful and Strapi rich text,
  // notion-to-md's <details> and <u>), and nothing that runs, loads a document or takes a form:
  // no script, style, iframe, object, embed, form, svg, math, base, meta or link.
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
    "img",
    "del",
    "ins",
    "details",
    "summary",
    // marked's task lists; made inert below.
    "input",
  ],
  // No id or name (a clobbered window.x or document.x), no style (CSS can load and overlay), no
  // on* handler, no target.
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "title", "width", "height", "loading"],
    code: ["class"],
    ol: ["start"],
    th: ["align", "colspan", "rowspan"],
    td: ["align", "colspan", "rowspan"],
    input: ["type", "checked", "disabled"],
  },
  // A fenced code block's language, for a highlighter's stylesheet; no other class.
  allowedClasses: { code: ["language-*"] },
  // Links: the web, mail, and the site's own (relative) paths. No javascript:, data:, vbscript:, file:.
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  // `//host` is another host: explicitHost has written it as https already; anything left is refused.
  allowProtocolRelative: false,
  transformTags: {
    a: withExplicitHost("href"),
    img: withExplicitHost("src"),
    // Portable Text writes underline as a styled span; the style attribute itself is never kept.
    span: (tagName, attribs) => (/^\s*text-decoration\s*:\s*underline\s*;?\s*$/i.test(attribs.style ?? "") ? { tagName: "u", attribs: {} } : { tagName, attribs }),
    // A checkbox that shows a task's state, whatever type or handler the source gave it.
    input: (_tagName, attribs) => ({ tagName: "input", attribs: { type: "checkbox", disabled: "", ...("checked" in attribs ? { checked: "" } : {}) } }),
  },
  // Dropped with their text too, not only their tags: what they hold is code or markup, not prose.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "title", "xmp", "iframe", "noembed", "noframes"],
  // No style attribute is allowed, so postcss never needs to run.
  parseStyleAttributes: false,
};

/** An HTML body from any source, cut down to what a page may show: no script runs from it. */
export function safeHtml(html: string): string {
  return html ? sanitizeHtml(html, options) : "";
}
