// Who may comment: anyone who gives a name (the project was made with --anonymous-comments, and has
// no auth module). Nobody's identity is checked: the name is what the visitor typed, shown as text.
// A field people never see (`website`) stays empty in a person's post and is filled in by the bots
// that fill in every field: those posts are refused.
import type { Author, Posting, Refusal } from "./types.ts";

export const posting: Posting = "anyone";
export const MAX_NAME = 80;

export async function authorOf(_request: Request, fields: Record<string, unknown>): Promise<Author | Refusal> {
  if (typeof fields.website !== "string" || fields.website !== "") return { status: 400, error: "The comment could not be posted." };
  const name = typeof fields.name === "string" ? fields.name.trim() : "";
  if (!name) return { status: 400, error: "Give a name to comment." };
  if (name.length > MAX_NAME) return { status: 400, error: `A name holds at most ${MAX_NAME} characters.` };
  return { id: "anonymous", name };
}
