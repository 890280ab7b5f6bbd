// The release's first check (scripts/release.ts): a template ships inside create-jam, so a changeset
// that bumps a template must bump create-jam too, or the new template would never be published.
import { describe, expect, it } from "vitest";
import { bumpsOf, templateWithoutCli } from "../../scripts/release.ts";

describe("pnpm release", () => {
  it("reads the packages a changeset bumps from its front matter", () => {
    expect(bumpsOf('---\n"@create-jam/template-base": patch\ncreate-jam: minor\n---\n\nWhy.\n')).toEqual(["@create-jam/template-base", "create-jam"]);
    expect(bumpsOf("no front matter")).toEqual([]);
  });

  it("refuses a changeset that bumps a template without create-jam, and takes one that bumps both", () => {
    expect(
      templateWithoutCli({
        "both.md": '---\n"@create-jam/template-base": patch\n"create-jam": patch\n---\n',
        "template-only.md": '---\n"@create-jam/template-framework-next": minor\n---\n',
        "cli-only.md": '---\n"create-jam": patch\n---\n',
      }),
    ).toEqual(["template-only.md"]);
  });
});
