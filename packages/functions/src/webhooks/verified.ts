import type { Change } from "../types.ts";

/** A webhook call after its check: the changes it announces, or the answer it gets instead. */
export type Verified = { changes: Change[] } | { response: Response };

/** Refused: 401, and the reason in the function's log (the caller learns nothing more). */
export function unauthorized(source: string, reason: string): Verified {
  console.warn(`revalidate: refused a ${source} webhook: ${reason}`);
  return { response: Response.json({ error: "unauthorized" }, { status: 401 }) };
}

export function parseJson(body: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(body);
    return value && typeof value === "object" ? value : undefined;
  } catch {
    return undefined;
  }
}
