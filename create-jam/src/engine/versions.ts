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

export const pnpmVersion = versionOf("pnpm");
