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

/** The visitor posting a comment (the session's user). */
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
