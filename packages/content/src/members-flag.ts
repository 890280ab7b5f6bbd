// Whether an entry is for members only, as a source holds the flag. Only `true` and `false` (or no
// flag) are answers: anything else (`members: yes` in frontmatter, which YAML reads as the string
// "yes"; a text field where the schema had a checkbox) is a mistake the build names, never a body
// published because the flag was not exactly `true`.

/** `value` as the members flag of the entry `where` names; throws for a value that is neither true nor false. */
export function membersFlag(value: unknown, where: string): boolean {
  if (value === true) return true;
  if (value === false || value === undefined || value === null) return false;
  throw new Error(`${where}: "members" must be true or false, not ${JSON.stringify(value)}.`);
}
