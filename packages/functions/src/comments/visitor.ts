// Who may comment: the signed-in visitor of the stack's auth module (its session cookie). A stack
// without an auth module gets a read-only version of this file instead, or, made with
// --anonymous-comments, one that takes a name from anyone.
import { sessionOf } from "../auth/session.ts";
import { env } from "../env.ts";
import type { Author, Posting, Refusal } from "./types.ts";

export const posting: Posting = "signed-in";
/** No challenge to show: the session says who posts. */
export const challenge = () => undefined;

export async function authorOf(request: Request, _fields: Record<string, unknown>): Promise<Author | Refusal> {
  const user = await sessionOf(request, env("AUTH_SECRET"));
  if (!user) return { status: 401, error: "Sign in to comment." };
  return { id: user.id, name: publicName(user.name) };
}

/**
 * The name a comment shows to everyone: the profile's name, never an email address or a part of
 * one (Auth0 often gives the address as the name; a provider without a display name gives none).
 */
export const publicName = (name: string | undefined) => (name?.trim() && !name.includes("@") ? name.trim() : "A member");
