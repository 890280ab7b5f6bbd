// Where the project goes, checked before anything is written.
import { accessSync, constants, readdirSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import validateName from "validate-npm-package-name";
import { JamError } from "./errors.ts";

// Latin letters Unicode does not decompose into a base letter and a mark (NFKD leaves them whole).
const UNDECOMPOSED: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

/** Turns a folder name into an npm package name where that is possible: `My Site` -> `my-site`, `café` -> `cafe`. */
export function toPackageName(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[ßæœøłđðþı]/g, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/\s+/g, "-")
    .replace(/^[._]+/, "")
    .replace(/[^a-z0-9~._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
}

export const isValidName = (name: string) => validateName(name).validForNewPackages;

export interface Target {
  /** Absolute folder path. */
  dir: string;
  /** The package name of the generated root package.json. */
  name: string;
  /** Set when the given name had to be changed. */
  renamedFrom?: string;
  /** The folder exists and is empty (or holds only .git). */
  existsEmpty: boolean;
  /** The folder exists with files in it (only allowed with overwrite). */
  existsNonEmpty: boolean;
}

const NOT_PORTABLE = /[<>:"|?*\u0000-\u001f]/;

/** `.` means the current folder; any other path's last part becomes the package name. */
export function resolveTarget(input: string, cwd: string): Target {
  const given = input.trim().replace(/[\\/]+$/, "") || ".";
  const asGiven = resolve(cwd, given);
  const base = basename(asGiven);
  const name = toPackageName(base);
  if (!name || !isValidName(name)) {
    const why = validateName(name || base).errors?.[0] ?? validateName(name || base).warnings?.[0] ?? "it has no letters or digits";
    throw new JamError(`"${base}" cannot be made into a package name: ${why}.`, `Pick a name such as my-site.`);
  }
  // The folder is the one the user named (as create-vite keeps it), unless its name holds what a
  // folder cannot on every system (Windows refuses <>:"|?* and control characters): then the package name.
  const dir = NOT_PORTABLE.test(base) ? resolve(dirname(asGiven), name) : asGiven;
  return { dir, name, renamedFrom: name === base ? undefined : base, ...inspect(dir) };
}

function inspect(dir: string): Pick<Target, "existsEmpty" | "existsNonEmpty"> {
  let st;
  try {
    st = statSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { existsEmpty: false, existsNonEmpty: false };
    if (code === "ENOTDIR") throw new JamError(`Cannot create ${dir}: part of that path is a file.`, `Pick another folder.`);
    throw e;
  }
  if (!st.isDirectory()) throw new JamError(`${dir} is a file, not a folder.`, `Pick another name, or move the file away.`);
  const entries = readdirSync(dir).filter((e) => e !== ".git");
  return { existsEmpty: entries.length === 0, existsNonEmpty: entries.length > 0 };
}

/** Fails early when the folder (or its nearest existing parent) cannot be written. */
export function assertWritable(target: Target): void {
  let probe = target.existsEmpty || target.existsNonEmpty ? target.dir : dirname(target.dir);
  while (true) {
    try {
      statSync(probe);
      break;
    } catch {
      probe = dirname(probe);
    }
  }
  try {
    accessSync(probe, constants.W_OK);
    if (!statSync(probe).isDirectory()) throw Object.assign(new Error(), { code: "ENOTDIR" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR") throw new JamError(`Cannot create ${target.dir}: ${probe} is a file.`, `Pick another folder.`);
    throw new JamError(`Cannot write in ${probe}: permission denied.`, `Pick a folder you own, e.g. one under ${process.env.HOME ?? "your home folder"}.`);
  }
}

export function assertFree(target: Target, overwrite: boolean): void {
  if (target.existsNonEmpty && !overwrite) {
    const n = readdirSync(target.dir).filter((e) => e !== ".git").length;
    throw new JamError(
      `The folder ${target.dir} already exists and is not empty (${n} ${n === 1 ? "entry" : "entries"}).`,
      `Pick another name, or pass --overwrite to replace its contents (its .git is kept).`,
    );
  }
}
