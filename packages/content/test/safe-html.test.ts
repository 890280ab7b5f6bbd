// The sanitiser itself (src/safe-html.ts) against the published vector corpus, what it keeps of
// what the providers' renderers write, and the one way out of the package it guards.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { safeHtml } from "../src/safe-html.ts";
import { htmlVectors, urlVectors } from "./fixtures/xss-vectors.ts";
import { scriptingConstructs } from "./script-free.ts";

const links = (url: string) => [`<a href="${url}">x</a>`, `<img src="${url}">`, `<a href='${url}'>x</a>`];

describe("safeHtml", () => {
  it("finds what runs in the raw corpus (the check is not blind)", () => {
    const flagged = htmlVectors.filter((v) => scriptingConstructs(v.html).length > 0);
    expect(flagged.length).toBeGreaterThan(htmlVectors.length * 0.8);
    expect(scriptingConstructs(`<body onload=alert(1)>`)).toEqual(["onload handler on <body>"]);
  });

  it.each(htmlVectors.map((v) => [v.source, v.html]))("leaves nothing that runs of %s", (_source, html) => {
    expect(scriptingConstructs(safeHtml(html))).toEqual([]);
  });

  it.each(urlVectors)("keeps no link or image to %j that runs or passes for the site's own", (url) => {
    for (const html of links(url)) expect(scriptingConstructs(safeHtml(html)), html).toEqual([]);
  });

  it("writes a link to another host without a scheme as the https link it is", () => {
    expect(safeHtml(`<a href="//xss.rocks/x">x</a>`)).toBe(`<a href="https://xss.rocks/x">x</a>`);
    expect(safeHtml(`<a href="/\\xss.rocks/x">x</a>`)).toBe(`<a href="https://xss.rocks/x">x</a>`);
    // Contentful's asset URLs are protocol-relative: the image stays, over https.
    expect(safeHtml(`<img src="//images.ctfassets.net/s/a.png" alt="" loading="lazy">`)).toBe(`<img src="https://images.ctfassets.net/s/a.png" alt="" loading="lazy" />`);
  });

  it("keeps what the renderers write for ordinary content", () => {
    const kept = [
      `<h2>T</h2><p><strong>b</strong> <em>i</em> <u>u</u> <del>d</del> <code>c</code> <sup>1</sup></p>`,
      `<p><a href="https://commonmark.org" title="t">web</a> <a href="/about/">own</a> <a href="#top">here</a> <a href="mailto:a@example.com">mail</a></p>`,
      `<p><img src="https://cdn.example.com/a.png" alt="A" title="t" width="10" height="10" /></p>`,
      `<pre><code class="language-ts">let a = "&lt;b&gt;";\n</code></pre>`,
      `<table><thead><tr><th align="left">a</th></tr></thead><tbody><tr><td align="right">1</td></tr></tbody></table>`,
      `<ol start="3"><li>x</li></ol><blockquote><p>q</p></blockquote><details><summary>s</summary>b</details><hr />`,
    ];
    for (const html of kept) expect(safeHtml(html)).toBe(html);
    // Portable Text's underline, and marked's task list items, inert.
    expect(safeHtml(`<span style="text-decoration:underline">u</span>`)).toBe("<u>u</u>");
    expect(safeHtml(`<li><input checked="" disabled="" type="checkbox"> done</li>`)).toBe(`<li><input type="checkbox" disabled checked /> done</li>`);
  });

  it("is the only way out: nothing in src/ but safe-provider.ts reads the selected provider", () => {
    const src = new URL("../src/", import.meta.url);
    const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const readers = files.filter((f) => /from\s+"\.{1,2}\/(?:\.\.\/)*provider\.ts"/.test(readFileSync(new URL(f, src), "utf8")));
    expect(readers).toEqual(["safe-provider.ts"]);
    for (const entry of ["index.ts", "members.ts", "products.ts"]) expect(readFileSync(new URL(entry, src), "utf8"), entry).toContain(`from "./safe-provider.ts"`);
  });
});
