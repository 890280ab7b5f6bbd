// Everything a terminal user sees beyond plain text: the questions (each asks only for what the
// flags left open, showing the options earlier answers rule out as disabled, with the reason) and
// the spinner. Loaded only when there is a terminal, so scripts never pay for it.
import * as p from "@clack/prompts";
import { cancelled } from "../engine/errors.ts";
import { kinds, NONE } from "../engine/kinds.ts";
import { chosenIds, findModule, neededFrom, offeredFlags, optionStates, type Registry } from "../engine/stack.ts";
import type { Choices } from "../engine/types.ts";
import { wrap } from "./text.ts";

export const intro = (text: string) => p.intro(text);
export const outro = (text: string) => p.outro(text);
export const note = (text: string, title: string) => p.note(text, title);
/** A notice inside the prompts' gutter, wrapped there ("●  " before it, the terminal's width after). */
export const info = (text: string) => p.log.info(wrap(text, (process.stdout.columns || 80) - 3).join("\n"));
export const spinner = () => p.spinner();

function answer<T>(value: T): Exclude<T, symbol> {
  if (p.isCancel(value)) throw cancelled();
  return value as Exclude<T, symbol>;
}

/** `check` returns why a folder cannot be used (a file in the way, not empty), or nothing. */
export async function askFolder(check: (dir: string) => string | undefined): Promise<string> {
  return answer(
    await p.text({
      message: "Project folder?",
      placeholder: "my-site",
      defaultValue: "my-site",
      validate: (v) => check(v?.trim() || "my-site"),
    }),
  );
}

export async function askChoices(registry: Registry, given: Partial<Choices>): Promise<Choices> {
  const chosen: Partial<Choices> = { ...given };
  for (const k of kinds) {
    if (chosen[k.kind] !== undefined) continue;
    // What the earlier answers rule out stays on the list, disabled, with the rule's reason; a need
    // of an earlier choice that only this kind can meet (sign-in needs a host for its functions)
    // rules out the options that do not meet it, and one must be picked.
    const states = optionStates(registry, k.kind, chosen);
    const need = states.find((s) => s.need)?.reason;
    const needed = neededFrom(registry, k.kind, chosen).length > 0;
    const options = states.map(({ module: m, reason }) => ({ value: m.id, label: m.label, hint: reason ?? m.hint, disabled: !!reason }));
    const open = options.filter((o) => !o.disabled);
    if (k.multiple) {
      const initialValues = (k.default as string[]).filter((d) => open.some((o) => o.value === d));
      (chosen as Record<string, string[]>)[k.kind] = answer(await p.multiselect({ message: `${k.message} (space selects, enter confirms)`, options, initialValues, required: needed }));
    } else if (open.length === 0 && k.optional) {
      // Nothing the other choices allow: left out without asking.
      (chosen as Record<string, string>)[k.kind] = NONE;
    } else if (open.length === 1 && !k.optional) {
      // Nothing to choose (e.g. a framework that only pre-renders): take it without asking.
      (chosen as Record<string, string>)[k.kind] = open[0].value;
    } else {
      if (k.optional) options.push({ value: NONE, label: "None", hint: needed ? (need ?? "an earlier choice needs one of these") : "leave it out", disabled: needed });
      const initialValue = options.find((o) => o.value === k.default && !o.disabled)?.value ?? options.find((o) => !o.disabled)?.value;
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

/** A non-empty folder: replace its contents (as --overwrite), or cancel; from the folder prompt, or pick another. */
export async function askOverwrite(dir: string, fromPrompt = false): Promise<"replace" | "another" | "cancel"> {
  const another = { value: "another" as const, label: "Pick another folder", hint: "back to the folder question" };
  return answer(
    await p.select({
      message: `${dir} is not empty. What now?`,
      options: [
        ...(fromPrompt ? [another] : []),
        { value: "replace" as const, label: "Replace its contents", hint: "same as --overwrite; .git is kept" },
        { value: "cancel" as const, label: "Cancel", hint: "nothing is touched" },
      ],
      initialValue: fromPrompt ? "another" : "cancel",
    }),
  );
}
