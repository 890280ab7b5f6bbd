// Who may comment in a stack made with --anonymous-comments (and no auth module): anyone who gives
// a name and passes a Cloudflare Turnstile challenge (that stack's src/comments/visitor.ts names
// this file). Nobody's identity is checked: the name is what the visitor typed, shown as text. A
// field people never see (`website`) stays empty in a person's post and is filled in by the bots
// that fill in every field: those posts are refused before the challenge is checked. The router's rate limit counts every post.
import { passedTurnstile, TOKEN_FIELD, turnstileChallenge } from "./turnstile.ts";
import type { Author, Posting, Refusal } from "./types.ts";

export const posting: Posting = "anyone";
export const MAX_NAME = 80;
export const challenge = turnstileChallenge;

export async function authorOf(request: Request, fields: Record<string, unknown>): Promise<Author | Refusal> {
  if (typeof fields.website !== "string" || fields.website !== "") return { status: 400, error: "The comment could not be posted." };
  const name = typeof fields.name === "string" ? fields.name.trim() : "";
  if (!name) return { status: 400, error: "Give a name to comment." };
  if (name.length > MAX_NAME) return { status: 400, error: `A name holds at most ${MAX_NAME} characters.` };
  const passed = await passedTurnstile(request, fields[TOKEN_FIELD]);
  if (passed !== true) return passed;
  return { id: "anonymous", name };
}
