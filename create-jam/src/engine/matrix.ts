// Every combination of choices the registry can express, split into the ones its rules allow and
// the ones they refuse. Tests read this, so a new module is tested without a new test.
import { kinds, NONE } from "./kinds.ts";
import { JamError } from "./errors.ts";
import { modulesOf, resolveStack, type Registry } from "./stack.ts";
import type { Choices } from "./types.ts";

const subsets = <T>(items: T[]) => items.reduce<T[][]>((acc, x) => [...acc, ...acc.map((s) => [...s, x])], [[]]);

export function allCombinations(registry: Registry): Choices[] {
  let combos: Record<string, unknown>[] = [{}];
  for (const k of kinds) {
    const ids = modulesOf(registry, k.kind).map((m) => m.id);
    const values: unknown[] = k.multiple ? subsets(ids) : k.optional ? [...ids, NONE] : ids;
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [k.kind]: v })));
  }
  return combos as unknown as Choices[];
}

export function matrix(registry: Registry): { allowed: Choices[]; refused: Choices[] } {
  const allowed: Choices[] = [];
  const refused: Choices[] = [];
  for (const choices of allCombinations(registry)) {
    try {
      resolveStack(registry, choices);
      allowed.push(choices);
    } catch (e) {
      if (!(e instanceof JamError)) throw e;
      refused.push(choices);
    }
  }
  return { allowed, refused };
}
