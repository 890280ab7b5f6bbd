// Who may comment: nobody, in a stack without an auth module: comments are read-only (add one with
// `create-jam add auth <id>` to let signed-in visitors post, or make the project with
// --anonymous-comments to take a name from anyone).
import type { Author, Posting, Refusal } from "./types.ts";

export const posting: Posting = "nobody";
/** No challenge to show: nobody posts. */
export const challenge = () => undefined;

export async function authorOf(_request: Request, _fields: Record<string, unknown>): Promise<Author | Refusal> {
  return { status: 403, error: "Comments are read-only on this site." };
}
