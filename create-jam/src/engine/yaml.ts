// A YAML writer for the documents create-jam writes (pnpm-workspace.yaml, the CI workflow): maps,
// lists, strings, numbers and booleans, in block style, keys in the order given. A string is plain
// only when every YAML reader takes it back as that same string (YAML 1.1 readers such as js-yaml,
// which pnpm uses, as well as 1.2 ones); anything else is double-quoted, whose escapes are JSON's.
// It replaced js-yaml's general-purpose dump, the largest single cost of planning a project
// (bench: generate; test/yaml.test.ts reads every output back with both kinds of reader).

// Letters, digits and a few marks; starts with a letter, "_", "." or "/"; never ends in a space.
const PLAIN = /^[A-Za-z_./][A-Za-z0-9_./@+~*-]*(?: [A-Za-z0-9_./@+~*-]+)*$/;
// Words YAML 1.1 reads as booleans or null.
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;
// Versions such as 6.0.0 are strings to every reader; a lone number is not.
const VERSION = /^\d+(?:\.\d+){2,}(?:[-+][A-Za-z0-9.-]+)?$/;

function scalar(value: string | number | boolean | null): string {
  if (value === null) return "null";
  if (typeof value !== "string") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`YAML: cannot write ${value}`);
    return String(value);
  }
  return (PLAIN.test(value) && !RESERVED.test(value)) || VERSION.test(value) ? value : JSON.stringify(value);
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function block(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if ((isMap(item) && Object.keys(item).length) || (Array.isArray(item) && item.length)) {
        const [first = "", ...rest] = block(item, `${indent}  `);
        return [`${indent}- ${first.slice(indent.length + 2)}`, ...rest];
      }
      return [`${indent}- ${inline(item)}`];
    });
  }
  if (isMap(value)) {
    return Object.entries(value).flatMap(([key, v]) => {
      if (v === undefined) return [];
      const k = scalar(key);
      if ((isMap(v) && Object.keys(v).length) || (Array.isArray(v) && v.length)) return [`${indent}${k}:`, ...block(v, `${indent}  `)];
      return [`${indent}${k}: ${inline(v)}`];
    });
  }
  return [`${indent}${inline(value)}`];
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return "[]";
  if (isMap(value)) return "{}";
  return scalar(value as string | number | boolean | null);
}

export function toYaml(value: Record<string, unknown>): string {
  return `${block(value, "").join("\n")}\n`;
}
