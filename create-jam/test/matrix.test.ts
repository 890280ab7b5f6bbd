// The test matrix: a pairwise set instead of the full product of choices, which grows with every kind.
import { describe, expect, it } from "vitest";
import { JamError } from "../src/engine/errors.ts";
import { matrix, pairwise } from "../src/engine/matrix.ts";
import { registry } from "../src/engine/registry.ts";
import { compatible, compatibleOptions, flagOf, incompatibilities, modulesOf, resolveStack } from "../src/engine/stack.ts";
import type { Choices, Kind } from "../src/engine/types.ts";

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
    // Not a speed goal: the pairs of tens of thousands of combinations take seconds on a busy machine.
  }, 30_000);

  it.each(refused.map((r) => [r.pair, r.choices] as const))("refuses the pair %s with the module's own reason", (pair, choices) => {
    for (const token of pair.split("|")) expect(has(choices, token)).toBe(true);
    expect(() => resolveStack(registry, choices)).toThrow(JamError);
    const stack = registry.filter((m) => m.kind === "base" || Object.entries(choices).some(([k, v]) => m.kind === k && [v].flat().includes(m.id)));
    const reasons = incompatibilities(registry, stack).map((e) => e.message);
    const rule = registry.flatMap((m) => (m.rules ?? []).map((r) => r.why)).find((why) => reasons.some((r) => r.includes(why)));
    expect(rule, reasons.join("\n")).toBeDefined();
  });
});

describe("rules about three choices (`with`)", () => {
  // No module has one today (Next.js's hybrid server on Cloudflare had, until OpenNext was set up):
  // the engine's handling is checked with one such rule given to Next.js here.
  const testRule = { kind: "deploy" as const, ids: ["vercel", "netlify"], with: "rendering:hybrid", why: "a rule made for this test" };
  const ruled = registry.map((m) => (m.kind === "framework" && m.id === "next" ? { ...m, rules: [...(m.rules ?? []), testRule] } : m));
  const full = matrix(ruled);
  const byToken = (token: string) => ruled.find((m) => `${m.kind}:${m.id}` === token) as (typeof ruled)[number];
  // Each module a rule `with` a choice refuses, where neither of the two is refused beside that choice on its own.
  const cases = ruled.flatMap((a) =>
    (a.rules ?? [])
      .filter((rule) => rule.with)
      .flatMap((rule) => modulesOf(ruled, rule.kind).filter((b) => !rule.ids.includes(b.id) && compatible(a, byToken(rule.with as string)) && compatible(b, byToken(rule.with as string))).map((b) => ({ a, b, rule, beside: byToken(rule.with as string) }))),
  );
  const name = ({ a, b, beside }: (typeof cases)[number]) => `${a.kind}:${a.id} with ${b.kind}:${b.id} beside ${beside.kind}:${beside.id}`;

  it("exist: the check below can fail", () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases.map((c) => [name(c), c] as const))("refuses %s with the module's reason and fixes, allows the pair without the third choice, and leaves it out of the prompt", (_, { a, b, rule, beside }) => {
    const holds = (c: Choices, m: { kind: string; id: string }) => has(c, `${m.kind}:${m.id}`);
    expect(full.allowed.some((c) => holds(c, a) && holds(c, b))).toBe(true);
    expect(full.allowed.some((c) => holds(c, a) && holds(c, b) && holds(c, beside))).toBe(false);
    const refused = full.refused.find((c) => holds(c, a) && holds(c, b) && holds(c, beside) && incompatibilities(ruled, ruled.filter((m) => m.kind === "base" || holds(c, m))).length === 1) as Choices;
    expect(refused).toBeDefined();
    expect(() => resolveStack(ruled, refused)).toThrow(`${flagOf(a)} does not work with ${flagOf(b)} and ${flagOf(beside)}: ${rule.why}.`);
    expect(() => resolveStack(ruled, refused)).toThrow(JamError);
    const [error] = incompatibilities(ruled, ruled.filter((m) => m.kind === "base" || holds(refused, m)));
    expect(error?.fix).toContain(`use --${beside.kind} `);
    const offered = compatibleOptions(ruled, b.kind as Kind, { [a.kind]: a.id, [beside.kind]: beside.id }).map((m) => m.id);
    expect(offered).not.toContain(b.id);
    expect(compatibleOptions(ruled, b.kind as Kind, { [a.kind]: a.id }).map((m) => m.id)).toContain(b.id);
  });
});
