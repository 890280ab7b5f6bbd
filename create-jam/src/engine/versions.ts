import versions from "../../../templates/versions.json" with { type: "json" };

const pinned: Record<string, string> = versions;

/** The exact version written for a dependency. Workspace packages of the generated repo link locally. */
export function versionOf(name: string): string {
  if (name.startsWith("@repo/")) return "workspace:*";
  const v = pinned[name];
  if (!v) throw new Error(`no pinned version for ${name}: add it to templates/versions.json`);
  return v;
}

export const pnpmVersion = versionOf("pnpm");
