// `pnpm seed`: the bundled demo content into the user's own CMS, once. It only ever creates: an
// entry whose slug is there already (from an earlier seed, or the user's own) is left as it is, so a
// second run changes nothing and nobody's edits are overwritten.
import type { Kind, SeedItem } from "./demo.ts";

/** Who made an entry that is there: this seed (its own id), the user, or unknown (the CMS keeps no id we choose). */
export type Origin = "seed" | "user" | "present";

interface Session {
  /** The slugs of `kind` the CMS holds among `slugs` (drafts included), and who made each. */
  existing(kind: Kind, slugs: string[]): Promise<Map<string, Origin>>;
  create(item: SeedItem): Promise<void>;
  /** Lines about what the session did besides entries (a content model, images). */
  notes: string[];
}

export interface Target {
  name: string;
  /** Where the seed writes, for its messages (an API's URL). */
  where(env: Record<string, string>): string;
  /** Every variable the seed needs, and where its value comes from. */
  required: { name: string; where: string }[];
  open(env: Record<string, string>): Promise<Session>;
}

/** An SDK's error as a clause: the status the API answered and its message, or why nothing answered. */
function reasonOf(error: unknown): string {
  const e = error as { message?: string; status?: number; statusCode?: number; response?: { status?: number }; cause?: { message?: string } };
  let { message = String(error) } = e;
  let status = e.status ?? e.statusCode ?? e.response?.status;
  // contentful-management puts the answer, as JSON, in the message.
  if (message.startsWith("{")) {
    try {
      const answer = JSON.parse(message) as { status?: number; message?: string };
      status ??= answer.status;
      message = answer.message ?? message;
    } catch {
      // Not JSON after all: the message as it is.
    }
  }
  if (!status) return `could not be reached (${e.cause?.message ?? message})`;
  const hint = status === 401 || status === 403 ? " (check the token and what it may do)" : "";
  return `answered ${status}${hint}: ${message}`;
}

const plural = (n: number, kind: string) => `${n} ${kind}${n === 1 ? "" : "s"}`;
const counted = (items: SeedItem[]) =>
  (["post", "page", "product"] as const)
    .map((k) => [k, items.filter((i) => i.kind === k).length] as const)
    .filter(([, n]) => n)
    .map(([k, n]) => plural(n, k))
    .join(", ");
const named = (items: SeedItem[]) => items.map((i) => `${i.kind} "${i.slug}"`).join(", ");

/** Seeds `items` into `target`; returns the lines to print, or throws with one sentence. */
export async function seed(target: Target, items: SeedItem[], env: Record<string, string | undefined>): Promise<string[]> {
  const missing = target.required.filter((r) => !env[r.name]);
  if (missing.length) {
    throw new Error(`${missing.map((r) => `${r.name} is not set: ${r.where}.`).join(" ")} Set ${missing.length === 1 ? "it" : "them"} in .env (or the shell) and run pnpm seed again.`);
  }
  const created: SeedItem[] = [];
  const seeded: SeedItem[] = [];
  const kept: SeedItem[] = [];
  const present: SeedItem[] = [];
  let session: Session;
  try {
    session = await target.open(env as Record<string, string>);
    for (const kind of ["post", "page", "product"] as const) {
      const ofKind = items.filter((i) => i.kind === kind);
      if (!ofKind.length) continue;
      const there = await session.existing(kind, ofKind.map((i) => i.slug));
      for (const item of ofKind) {
        const origin = there.get(item.slug);
        if (origin === "seed") seeded.push(item);
        else if (origin === "user") kept.push(item);
        else if (origin === "present") present.push(item);
        else {
          await session.create(item);
          created.push(item);
        }
      }
    }
  } catch (error) {
    const done = created.length ? ` It created ${counted(created)} before that; run it again once this is fixed.` : "";
    throw new Error(`${target.name} at ${target.where(env as Record<string, string>)} ${reasonOf(error)}.${done}`);
  }
  const lines = [created.length ? `created ${counted(created)} in ${target.name}.` : `nothing to create in ${target.name}.`, ...session.notes];
  const members = created.filter((i) => i.kind !== "product" && i.members);
  if (members.length) lines.push(`${named(members)} ${members.length === 1 ? "is" : "are"} for members only: the README's "Members-only posts" says who can read ${members.length === 1 ? "its body" : "their bodies"} in ${target.name}.`);
  if (seeded.length) lines.push(`skipped ${seeded.length === 1 ? "1 entry" : `${seeded.length} entries`} an earlier seed created (left as ${seeded.length === 1 ? "it is" : "they are"}).`);
  if (kept.length) lines.push(`skipped ${named(kept)}: an entry with that slug is there that the seed did not create; it is left as it is.`);
  if (present.length) lines.push(`skipped ${named(present)}: an entry with that slug is there already; it is left as it is.`);
  return lines.map((l) => `seed: ${l}`);
}
