// The test matrix: a pairwise set instead of the full product of choices, which grows with every kind.
import { describe, expect, it } from "vitest";
import { JamError } from "../src/engine/errors.ts";
import { matrix, pairwise } from "../src/engine/matrix.ts";
import { registry } from "../src/engine/registry.ts";
import { incompatibilities, resolveStack } from "../src/engine/stack.ts";
import type { Choices } from "../src/engine/types.ts";

const has = (c: Choices, token: string) => {
  const [kind, id] = token.split(":") as [keyof Choices, string];
  const v = c[kind];
  return Array.isArray(v) ? (id === "none" ? v.length === 0 : v.includes(id)) : v === id;
};

describe("the pairwise set", () => {
  const { allowed, refused } = pairwise(registry);
  const full = matrix(registry);

  it("holds every pair of choices that some allowed combination holds, in far fewer stacks", () => {
    const ids = (c: Choices) => JSON.stringify(c);
    const allIds = new Set(full.allowed.map(ids));
    expect(allowed.every((c) => allIds.has(ids(c)))).toBe(true);
    const tokensOf = (c: Choices) => Object.entries(c).flatMap(([k, v]) => (Array.isArray(v) ? (v.length ? v : ["none"]) : [v]).map((id) => `${k}:${id}`));
    const pairsOf = (c: Choices) => {
      const t = tokensOf(c);
      return t.flatMap((a) => t.filter((b) => a.split(":")[0] !== b.split(":")[0]).map((b) => `${a}|${b}`));
    };
    // Every pair some allowed combination holds is held by a pairwise stack (checked as sets: the
    // full product is tens of thousands of combinations).
    const covered = new Set(allowed.flatMap(pairsOf));
    const missing = new Set(full.allowed.flatMap(pairsOf).filter((p) => !covered.has(p)));
    expect([...missing]).toEqual([]);
    expect(allowed.length).toBeLessThan(full.allowed.length / 5);
  });

  it.each(refused.map((r) => [r.pair, r.choices] as const))("refuses the pair %s with the module's own reason", (pair, choices) => {
    for (const token of pair.split("|")) expect(has(choices, token)).toBe(true);
    expect(() => resolveStack(registry, choices)).toThrow(JamError);
    const stack = registry.filter((m) => m.kind === "base" || Object.entries(choices).some(([k, v]) => m.kind === k && [v].flat().includes(m.id)));
    const reasons = incompatibilities(registry, stack).map((e) => e.message);
    const rule = registry.flatMap((m) => (m.rules ?? []).map((r) => r.why)).find((why) => reasons.some((r) => r.includes(why)));
    expect(rule, reasons.join("\n")).toBeDefined();
  });
});
