// Everything a terminal user sees beyond plain text: the questions (each asks only for what the
// flags left open, offering only the options that fit what is already chosen) and the spinner.
// Loaded only when there is a terminal, so scripts never pay for it.
import * as p from "@clack/prompts";
import { cancelled } from "../engine/errors.ts";
import { kinds, NONE } from "../engine/kinds.ts";
import { chosenIds, compatibleOptions, findModule, neededFrom, offeredFlags, type Registry } from "../engine/stack.ts";
import { isValidName, toPackageName } from "../engine/target.ts";
import type { Choices } from "../engine/types.ts";

export const intro = (text: string) => p.intro(text);
export const outro = (text: string) => p.outro(text);
export const note = (text: string, title: string) => p.note(text, title);
export const spinner = () => p.spinner();

function answer<T>(value: T): Exclude<T, symbol> {
  if (p.isCancel(value)) throw cancelled();
  return value as Exclude<T, symbol>;
}

export async function askFolder(): Promise<string> {
  return answer(
    await p.text({
      message: "Project folder?",
      placeholder: "my-site",
      defaultValue: "my-site",
      validate: (v) => {
        if (!v) return undefined;
        const name = toPackageName(v);
        return name && isValidName(name) ? undefined : "Use letters, digits and dashes, e.g. my-site";
      },
    }),
  );
}

export async function askChoices(registry: Registry, given: Partial<Choices>): Promise<Choices> {
  const chosen: Partial<Choices> = { ...given };
  for (const k of kinds) {
    if (chosen[k.kind] !== undefined) continue;
    // A need of an earlier choice that only this kind can still meet (sign-in needs a host for its
    // functions): only the options that meet it, and one must be picked.
    const needed = neededFrom(registry, k.kind, chosen);
    const options = compatibleOptions(registry, k.kind, chosen)
      .filter((m) => needed.every((c) => m.provides?.includes(c)))
      .map((m) => ({ value: m.id, label: m.label, hint: m.hint }));
    if (k.multiple) {
      const initialValues = (k.default as string[]).filter((d) => options.some((o) => o.value === d));
      (chosen as Record<string, string[]>)[k.kind] = answer(await p.multiselect({ message: k.message, options, initialValues, required: needed.length > 0 }));
    } else if (options.length === 0 && k.optional) {
      // Nothing the other choices allow: left out without asking.
      (chosen as Record<string, string>)[k.kind] = NONE;
    } else if (options.length === 1 && !k.optional) {
      // Nothing to choose (e.g. a framework that only pre-renders): take it without asking.
      (chosen as Record<string, string>)[k.kind] = options[0].value;
    } else {
      if (k.optional && !needed.length) options.push({ value: NONE, label: "None", hint: "leave it out" });
      const initialValue = options.some((o) => o.value === k.default) ? (k.default as string) : options[0]?.value;
      (chosen as Record<string, string>)[k.kind] = answer(await p.select({ message: k.message, options, initialValue }));
    }
  }
  // The chosen modules' yes/no options that no flag turned on (a script's absent flag means no).
  const modules = kinds.flatMap((k) => chosenIds(chosen, k.kind).map((id) => findModule(registry, k.kind, id)).filter((m) => !!m));
  const on = new Set(chosen.flags ?? []);
  for (const flag of offeredFlags(modules)) {
    if (!on.has(flag.name) && answer(await p.confirm({ message: `${flag.help}?`, initialValue: false }))) on.add(flag.name);
  }
  if (on.size) chosen.flags = [...on].sort();
  return chosen as Choices;
}

export async function askYesNo(message: string): Promise<boolean> {
  return answer(await p.confirm({ message, initialValue: true }));
}

export async function askOverwrite(dir: string): Promise<boolean> {
  return answer(
    await p.select({
      message: `${dir} is not empty. What now?`,
      options: [
        { value: false, label: "Cancel", hint: "nothing is touched" },
        { value: true, label: "Replace its contents", hint: "same as --overwrite; .git is kept" },
      ],
      initialValue: false,
    }),
  );
}
