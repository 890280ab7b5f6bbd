// Who may comment: nobody, in a stack without an auth module: comments are read-only (add one with
// --auth to let signed-in visitors post).
import type { Author } from "./types.ts";

export async function authorOf(_request: Request): Promise<Author | undefined> {
  return undefined;
}
