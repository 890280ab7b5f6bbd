/** The most a post's thread shows. */
export const MAX_COMMENTS = 200;

/** One comment on a post, as /api/comments answers it: text only, never HTML. */
export interface Comment {
  id: string;
  /** The post's slug. */
  entry: string;
  body: string;
  author: string;
  /** ISO timestamp. */
  date: string;
}

/**
 * Who may post, as GET /api/comments tells the widget: a signed-in visitor (a stack with an auth
 * module), anyone who gives a name (--anonymous-comments), or nobody (read-only).
 */
export type Posting = "signed-in" | "anyone" | "nobody";

/** Why a visitor may not post, as the handler answers it. */
export interface Refusal {
  status: number;
  error: string;
}

/** The visitor posting a comment (the session's user, or the name an anonymous visitor gave). */
export interface Author {
  id: string;
  name: string;
}

/**
 * Where comments live (Supabase, Firestore): each backend module writes src/comments/provider.ts
 * naming its own, and /api/comments answers through it.
 */
export interface CommentStore {
  /** For messages: "Supabase". */
  name: string;
  /** The variables it cannot work without (empty when configured). */
  missing(): string[];
  /** A post's comments, oldest first. */
  list(entry: string): Promise<Comment[]>;
  add(comment: { entry: string; body: string; author: Author }): Promise<Comment>;
}
