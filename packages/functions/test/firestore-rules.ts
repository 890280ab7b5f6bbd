// Reads a firestore.rules file with a parser of the rules language (the PEG grammar of
// prettier-plugin-firestore-rules: a syntax error throws), and answers "may this request do this
// to that document?" for the small part of the language a module's rules use: `match` paths with
// {wildcards}, `allow <methods>;` and `allow <methods>: if <a> && <b> && …`, comparisons,
// `is <type>`, member paths of request/resource/the wildcards, and the methods size(), keys() and
// hasOnly(). Anything else throws, so a rule this reader does not understand fails the test
// instead of passing it. (The Firestore emulator, which runs the real engine, needs Java 21: not
// on Debian 12.)
//
// The grammar is lossy: it reads `!x` as `x` and `(a == b)` as `a == b`, so a rule that says
// `allow write: if !false` would read as denied. The reader therefore prints back what it parsed
// and refuses the file unless that is the source itself, bar whitespace and comments. Recursive
// wildcards ({path=**}), functions, `||` and everything else outside the part above are refused too.
import { createRequire } from "node:module";

type Node = { type: string; [key: string]: any };
type Method = "get" | "list" | "create" | "update" | "delete";
export interface RulesRequest {
  method: Method;
  /** Under the database's documents: "posts/hello/comments/c1". */
  path: string;
  auth?: { uid: string; token?: Record<string, unknown> } | null;
  /** The document as the write would leave it (request.resource.data). */
  data?: Record<string, unknown>;
  /** The document as it is (resource.data). */
  existing?: Record<string, unknown>;
  /** request.time: the same value the data holds where the SDK asked for the server's time. */
  time?: unknown;
}

const parser = (createRequire(import.meta.url)("prettier-plugin-firestore-rules") as { parsers: { firestore: { parse(text: string, parsers: object, options: object): Node } } }).parsers.firestore;
/** An error while evaluating a condition: the rules engine denies the request. */
class Denied extends Error {}
const unknown = (what: string, node: unknown): never => {
  throw new Error(`the rules reader does not know ${what}: ${JSON.stringify(node)}`);
};
const covers = (scope: string, method: Method) =>
  scope === method || (scope === "read" && (method === "get" || method === "list")) || (scope === "write" && ["create", "update", "delete"].includes(method));

const TYPES: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === "string",
  bool: (v) => typeof v === "boolean",
  int: (v) => Number.isInteger(v),
  number: (v) => typeof v === "number",
  list: Array.isArray,
  map: (v) => typeof v === "object" && v !== null && !Array.isArray(v),
};

/** The source without comments and whitespace, strings kept as they are: what two spellings of one file share. */
function significant(source: string): string {
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === "'" || c === '"') {
      const end = source.indexOf(c, i + 1);
      if (end < 0) return unknown("an unterminated string", source.slice(i, i + 40));
      out += source.slice(i, end + 1);
      i = end;
    } else if (c === "/" && source[i + 1] === "/") {
      const end = source.indexOf("\n", i);
      i = end < 0 ? source.length : end;
    } else if (!/\s/.test(c)) out += c;
  }
  return out;
}

/** The parsed tree printed back, for the part of the language this reader evaluates (anything else throws). */
function print(node: Node): string {
  const all = (nodes: Node[] | null | undefined) => (nodes ?? []).map(print).join("");
  switch (node.type) {
    case "root":
      return all(node.content);
    case "comments":
    case "comment":
      return "";
    case "version":
      return `rules_version='${node.version}';`;
    case "service":
      return `${node.head.join("")}{${all(node.content)}}`;
    case "match":
      return `match${node.path}{${all(node.content)}}`;
    case "allow":
      return `allow${node.scopes.join(",")}${node.content ? `:if${all(node.content)}` : ""};`;
    case "connection":
      return `${node.operator}${all(node.content)}`;
    case "text":
      return node.text;
    case "operation":
      return `${all(node.left)}${node.operation}${all(node.right)}`;
    case "function-call":
      return `${node.name}(${(node.params ?? []).map(print).join(",")})`;
    case "call":
      return `${print(node.left)}.${print(node.right)}`;
    default:
      return unknown("this statement", node);
  }
}

const OPERATORS = ["==", "!=", "<", "<=", ">", ">=", "is"];
const METHODS = ["size", "keys", "hasOnly"];

/**
 * Refuses, when the file is read rather than when a request reaches the rule, any condition outside
 * what value() below evaluates: so a rule no test request happens to reach is judged too.
 */
function check(nodes: Node[], names: string[]): void {
  const literal = (t: string) => /^(true|false|null|-?\d+(\.\d+)?|'[^']*')$/.test(t);
  const text = (raw: string) => {
    const t = raw.trim();
    if (literal(t)) return;
    if (/^\[.*\]$/.test(t)) return t.slice(1, -1).split(",").forEach((item) => (literal(item.trim()) ? undefined : unknown("this list item", item)));
    if (!/^[A-Za-z_]\w*(\.\w+)*$/.test(t) || !names.includes(t.split(".")[0] as string)) unknown("this text", t);
  };
  const expression = (n: Node): void => {
    if (n.type === "text") return text(n.text);
    if (n.type === "operation") {
      if (!OPERATORS.includes(n.operation)) unknown("this operator", n);
      if (n.left.length !== 1 || n.right.length !== 1) unknown("this operand", n);
      expression(n.left[0]);
      if (n.operation === "is") return void (n.right[0]?.type === "text" && n.right[0].text in TYPES ? undefined : unknown("this type", n.right));
      return expression(n.right[0]);
    }
    if (n.type === "function-call") {
      const dot = n.name.lastIndexOf(".");
      if (dot < 0 || !METHODS.includes(n.name.slice(dot + 1))) unknown("this function", n);
      text(n.name.slice(0, dot));
      return (n.params ?? []).forEach(expression);
    }
    if (n.type === "call") {
      if (n.right?.type !== "function-call" || !METHODS.includes(n.right.name)) unknown("this call", n);
      expression(n.left);
      return (n.right.params ?? []).forEach(expression);
    }
    unknown("this expression", n);
  };
  if (!nodes.length) unknown("an empty condition", nodes);
  nodes.forEach((n, i) => {
    if (i === 0) return expression(n);
    if (n.type !== "connection" || n.operator !== "&&" || n.content.length !== 1) unknown("this connective", n);
    expression(n.content[0]);
  });
}

export function readRules(source: string) {
  const root = parser.parse(source, {}, {});
  const printed = significant(print(root));
  if (printed !== significant(source)) {
    const at = [...printed].findIndex((c, i) => c !== significant(source)[i]);
    unknown("what the grammar dropped or changed here (the file says, then the reader read)", [significant(source).slice(Math.max(0, at - 30), at + 30), printed.slice(Math.max(0, at - 30), at + 30)]);
  }
  const services = root.content.filter((n: Node) => n.type === "service");
  if (services.length !== 1 || services[0].head?.join(" ") !== "service cloud.firestore") throw new Error("not a Cloud Firestore rules file");
  for (const n of root.content) if (!["version", "service", "comments", "comment"].includes(n.type)) unknown("this top-level statement", n);

  // Every `allow` with the full path of the `match` blocks around it.
  const allows: { pattern: string; scopes: string[]; condition: Node[] }[] = [];
  const walk = (nodes: Node[], prefix: string) => {
    for (const n of nodes) {
      if (n.type === "match") {
        // A literal segment or a one-segment {wildcard}: {rest=**} (any depth) and $(…) are not read here.
        for (const part of n.path.split("/").filter(Boolean)) if (!/^(\{\w+\}|[\w-]+)$/.test(part)) unknown("this path segment", n.path);
        walk(n.content, prefix + n.path);
      } else if (n.type === "allow") {
        const scopes = n.scopes as string[];
        if (!scopes.length || scopes.some((s) => !["read", "write", "get", "list", "create", "update", "delete"].includes(s))) unknown("these methods", scopes);
        // `allow read;` with no condition allows, as in the rules engine.
        const condition = n.content ?? [{ type: "text", text: "true" }];
        const names = [...(prefix.match(/\{\w+\}/g) ?? []).map((w: string) => w.slice(1, -1)), "request", "resource"];
        check(condition, names);
        allows.push({ pattern: prefix, scopes, condition });
      } else if (n.type !== "comments" && n.type !== "comment") unknown("this statement", n);
    }
  };
  walk(services[0].content, "");

  const bind = (pattern: string, path: string): Record<string, string> | undefined => {
    const want = pattern.split("/").filter(Boolean);
    const have = `databases/(default)/documents/${path}`.split("/");
    if (want.length !== have.length) return undefined;
    const vars: Record<string, string> = {};
    for (const [i, part] of want.entries()) {
      const wildcard = /^\{(\w+)\}$/.exec(part);
      if (wildcard) vars[wildcard[1] as string] = have[i] as string;
      else if (part !== have[i]) return undefined;
    }
    return vars;
  };

  function evaluate(nodes: Node[], scope: Record<string, unknown>): boolean {
    // && stops at the first false, as the rules engine does (`request.auth.uid` is not read when signed out).
    if (value(nodes[0] as Node, scope) !== true) return false;
    for (const n of nodes.slice(1)) {
      if (n.type !== "connection" || n.operator !== "&&") unknown("this connective", n);
      if (value(n.content[0], scope) !== true) return false;
    }
    return true;
  }

  function value(node: Node, scope: Record<string, unknown>): unknown {
    switch (node.type) {
      case "text":
        return text(node.text, scope);
      case "operation": {
        const left = group(node.left, scope);
        if (node.operation === "is") return (TYPES[node.right[0]?.text] ?? unknown("this type", node.right))(left);
        const right = group(node.right, scope);
        const ops: Record<string, (a: any, b: any) => boolean> = { "==": (a, b) => a === b, "!=": (a, b) => a !== b, "<": (a, b) => a < b, "<=": (a, b) => a <= b, ">": (a, b) => a > b, ">=": (a, b) => a >= b };
        return (ops[node.operation] ?? unknown("this operator", node))(left, right);
      }
      case "function-call": {
        const dot = node.name.lastIndexOf(".");
        if (dot < 0) unknown("a global function", node);
        return call(text(node.name.slice(0, dot), scope), node.name.slice(dot + 1), node.params ?? [], scope);
      }
      case "call": {
        if (node.right.type !== "function-call") unknown("this call", node);
        return call(value(node.left, scope), node.right.name, node.right.params ?? [], scope);
      }
      default:
        return unknown("this expression", node);
    }
  }
  const group = (nodes: Node[], scope: Record<string, unknown>) => (nodes.length === 1 ? value(nodes[0] as Node, scope) : unknown("this operand", nodes));

  function call(target: unknown, method: string, params: Node[], scope: Record<string, unknown>): unknown {
    const args = params.map((p) => value(p, scope));
    if (method === "size" && (typeof target === "string" || Array.isArray(target))) return target.length;
    if (method === "keys" && TYPES.map?.(target)) return Object.keys(target as object);
    if (method === "hasOnly" && Array.isArray(target) && Array.isArray(args[0])) return target.every((k) => (args[0] as unknown[]).includes(k));
    return unknown(`the method ${method}() on this value`, target);
  }

  function text(source: string, scope: Record<string, unknown>): unknown {
    const s = source.trim();
    if (s === "true" || s === "false") return s === "true";
    if (s === "null") return null;
    if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
    if (/^'[^']*'$/.test(s)) return s.slice(1, -1);
    if (/^\[.*\]$/.test(s)) return s.slice(1, -1).split(",").map((item) => text(item, scope));
    if (!/^[A-Za-z_]\w*(\.\w+)*$/.test(s)) unknown("this text", s);
    const [head, ...rest] = s.split(".");
    if (!(head as string in scope)) unknown("this name", s);
    return rest.reduce<unknown>((v, key) => {
      // Reading a field of null is an error in the rules engine, and an error denies.
      if (!v || typeof v !== "object") throw new Denied(`${s}: .${key} of ${JSON.stringify(v)}`);
      return (v as Record<string, unknown>)[key];
    }, scope[head as string]);
  }

  return {
    /** Whether some `allow` grants the request (Firestore: any matching allow that holds grants it). */
    allows(request: RulesRequest): boolean {
      return allows.some(({ pattern, scopes, condition }) => {
        const vars = bind(pattern, request.path);
        if (!vars || !scopes.some((s) => covers(s, request.method))) return false;
        const scope = {
          ...vars,
          request: { auth: request.auth ?? null, method: request.method, time: request.time, resource: request.data === undefined ? null : { data: request.data } },
          resource: request.existing === undefined ? null : { data: request.existing },
        };
        try {
          return evaluate(condition, scope);
        } catch (error) {
          if (error instanceof Denied) return false;
          throw error;
        }
      });
    },
  };
}
