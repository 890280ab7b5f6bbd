import versions from "../../../templates/versions.json" with { type: "json" };

const pinned: Record<string, string> = versions;

/**
 * The exact version written for a dependency. Workspace packages of the generated repo link locally.
 * A key "<template folder>:<name>" pins another version for stacks with that module, e.g.
 * "framework-gatsby:react" (Gatsby 5 needs React 18 while the rest use 19); `modules` are the
 * chosen ones.
 */
export function versionOf(name: string, modules: readonly { dir: string }[] = []): string {
  if (name.startsWith("@repo/")) return "workspace:*";
  const v = modules.map((m) => pinned[`${m.dir}:${name}`]).find(Boolean) ?? pinned[name];
  if (!v) throw new Error(`no pinned version for ${name}: add it to templates/versions.json`);
  return v;
}

/**
 * A key "<workspace>:<name>" pins another version in one workspace of the generated repo, e.g.
 * "apps/cms:react" (Strapi's admin panel needs React 18 beside a site on React 19). Such a pin is
 * written into that workspace's package.json, outside the pnpm catalog.
 */
export function workspacePin(workspace: string, name: string): string | undefined {
  return pinned[`${workspace}:${name}`];
}

export const pnpmVersion = versionOf("pnpm");
