// Who may comment: the signed-in visitor of the stack's auth module (its session cookie). A stack
// without an auth module gets a read-only version of this file instead.
import { sessionOf } from "../auth/session.ts";
import { env } from "../env.ts";
import type { Author } from "./types.ts";

export async function authorOf(request: Request): Promise<Author | undefined> {
  const user = await sessionOf(request, env("AUTH_SECRET"));
  return user ? { id: user.id, name: user.name || user.email?.split("@")[0] || "A member" } : undefined;
}
