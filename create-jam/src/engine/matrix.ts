// Every combination of choices the registry can express, split into the ones its rules allow and
// the ones they refuse. Tests read this, so a new module is tested without a new test.
import { kinds, NONE } from "./kinds.ts";
import { isAllowed, modulesOf, type Registry } from "./stack.ts";
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
  const cached = matrixCache.get(registry);
  if (cached) return cached;
  const allowed: Choices[] = [];
  const refused: Choices[] = [];
  for (const choices of allCombinations(registry)) (isAllowed(registry, choices) ? allowed : refused).push(choices);
  matrixCache.set(registry, { allowed, refused });
  return { allowed, refused };
}

/** A choice as a token, "framework:next"; an empty multiple kind is "deploy:none". */
function tokens(c: Choices): string[] {
  return kinds.flatMap((k) => {
    const v = c[k.kind];
    const ids = Array.isArray(v) ? (v.length ? v : [NONE]) : [v];
    return ids.map((id) => `${k.kind}:${id}`);
  });
}

const pairsOf = (c: Choices) => {
  const t = tokens(c);
  return t.flatMap((a, i) => t.slice(i + 1).filter((b) => a.split(":")[0] !== b.split(":")[0]).map((b) => `${a}|${b}`));
};

/**
 * What the unit and CLI tests run instead of the full product of choices, which grows with every
 * kind: `allowed`, a small set of allowed combinations in which every pair of choices that the
 * rules allow together appears at least once (chosen greedily), and `refused`, one refused
 * combination for every pair of choices that no allowed combination holds.
 */
export function pairwise(registry: Registry): { allowed: Choices[]; refused: { pair: string; choices: Choices }[] } {
  const cached = pairwiseCache.get(registry);
  if (cached) return cached;
  const all = matrix(registry);
  // Pairs as numbers, each combination's computed once: the greedy pass below scores every
  // allowed combination once per pick, and there are tens of thousands.
  const index = new Map<string, number>();
  const pairIds = all.allowed.map((c) => pairsOf(c).map((p) => index.get(p) ?? (index.set(p, index.size), index.size - 1)));
  const covered = new Uint8Array(index.size);
  let left = index.size;
  const allowed: Choices[] = [];
  while (left) {
    let best = 0;
    let score = -1;
    pairIds.forEach((ids, i) => {
      let s = 0;
      for (const id of ids) s += covered[id] ? 0 : 1;
      if (s > score) [best, score] = [i, s];
    });
    allowed.push(all.allowed[best] as Choices);
    for (const id of pairIds[best] as number[]) {
      if (!covered[id]) left--;
      covered[id] = 1;
    }
  }
  const refused = new Map<string, Choices>();
  for (const c of all.refused) for (const p of pairsOf(c)) if (!index.has(p) && !refused.has(p)) refused.set(p, c);
  const result = { allowed, refused: [...refused].map(([pair, choices]) => ({ pair, choices })) };
  pairwiseCache.set(registry, result);
  return result;
}

/** One matrix and one pairwise set per registry: tests ask for them many times. */
const matrixCache = new WeakMap<Registry, ReturnType<typeof matrix>>();
const pairwiseCache = new WeakMap<Registry, ReturnType<typeof pairwise>>();
